"""The regular expressions of the temporal expressions, one per kind, in matching order.

Each pattern names its parts with groups; :mod:`.rules` pairs every pattern with the resolver that
turns a match into a value. The kinds are tried as one alternation, earliest and longest first: a
kind listed before another wins where both match at the same place (a range of years before a year).
"""
from __future__ import annotations

from analyser.text.numerals import CN_NONZERO, SEQUENCE_DIGITS

__all__ = ["FIRST_CHARS", "FIRST_WORDS", "PATTERNS", "YEAR_DIGITS"]

_CD = SEQUENCE_DIGITS  # 〇 ○ 零 一 … 九: the digits of a year read one by one
#: The digits of a year written in Chinese numerals, with the zeros typed as a digit or a letter
#: (二0一一年, 二00八年, 二OO八年: a common way of typing 〇).
YEAR_DIGITS = _CD + "0０OＯ"
_YEAR = rf"(?:1[6-9]\d\d|20\d\d|21\d\d|[一二][{YEAR_DIGITS}]{{3}})"
_SMALL = rf"(?:\d{{1,2}}|[{CN_NONZERO}十]{{1,3}})"
_NUM = rf"(?:\d{{1,6}}(?:\.\d{{1,3}})?|[{_CD}两十百千]{{1,8}})"  # bounded: no quadratic scans
_TO = r"(?:至|到|—|–|－|-|～|~)"
_FIVE = rf"十[{CN_NONZERO}]五"  # 十一五 … 十九五
_OLD_FIVE = r"[六七八九十]五"  # 六五 … 十五
_FY_SEP = r"[/／\-－—–]"
_FY_WORD = r"(?:财政|课税|纳税)?年度"  # 2025-26年度, 2025-26课税年度 (a year of assessment)
_NINE_MONTHS = r"(?:前|首)三季度?"  # 前三季度, 首三季 (Hong Kong usage): January to September
_ORD = rf"[一二]?十?[{CN_NONZERO}十]"  # an ordinal up to 二十九: 十一(届), 三(中全会)
_QUARTER = r"(?:第[一二三四1-4]季度?|[一二三四1-4]季度|首季度?)"  # 第二季度, 一季度, 第四季, 首季 (Hong Kong usage)

#: (kind, pattern) in matching order.
PATTERNS: list[tuple[str, str]] = [
    # ranges of fiscal years: 2026-27至2030-31年度
    ("fiscal_range", (rf"(?P<fa1>{_YEAR})年?{_FY_SEP}(?P<fa2>{_YEAR}|\d\d|[{_CD}]{{2}})(?:年度)?[至到]"
                      rf"(?P<fb1>{_YEAR})年?{_FY_SEP}(?P<fb2>{_YEAR}|\d\d|[{_CD}]{{2}}){_FY_WORD}")),
    # fiscal year 2013/14年度, 二零一三／一四年度, 2025-26课税年度
    ("fiscal", rf"(?P<fy1>{_YEAR})年?(?:{_FY_SEP}|[至到])(?P<fy2>{_YEAR}|\d\d|[{_CD}]{{2}}){_FY_WORD}"),
    # ranges of years: 一九四九年至一九五二年, 2016—2020年, 2016年至2020年
    ("range", rf"(?P<r1>{_YEAR})年?{_TO}(?P<r2>{_YEAR})年(?!\d|[{_CD}]|度)"),
    # to a part of the century: 一九八一年到本世纪末, 从二〇三五年到本世纪中叶
    ("crange", rf"(?P<c1>{_YEAR})年?{_TO}(?P<cpart>本世纪末|本世纪中叶|下世纪中叶)"),
    # as of: 截至2020年底 / 截至2020年6月 / 截至2020年6月末 / 截至2020年
    ("asof", (rf"(?:截至|截止到|截止|截至到)(?P<ay>{_YEAR})年"
              rf"(?:(?P<am>{_SMALL})月(?:(?P<ad>{_SMALL})[日号]|底|末)?|(?P<apart>底|末))?")),
    # ranges of days: 2019年3月5日至15日, 2004年4月14日—15日, 2003年10月24日至11月2日
    # and across a year's end: 2018年12月30日至2019年1月1日
    ("drange", (rf"(?P<ry>{_YEAR})年(?P<rm1>{_SMALL})月(?P<rd1>{_SMALL})[日号]?{_TO}"
                rf"(?:(?P<ry2>{_YEAR})年(?=[\d{CN_NONZERO}十]{{1,2}}月))?(?:(?P<rm2>{_SMALL})月)?(?P<rd2>{_SMALL})[日号]")),
    # ranges of months: 2019年3月至5月, 2020年1至6月, 2018年10月至2019年3月
    ("mrange", (rf"(?P<ny1>{_YEAR})年(?P<nm1>{_SMALL})月?{_TO}(?:(?P<ny2>{_YEAR})年)?(?P<nm2>{_SMALL})月(?!\d|[{_CD}十]|[日号])")),
    ("date", rf"(?P<y>{_YEAR})年(?P<m>{_SMALL})月(?P<d>{_SMALL})[日号]"),
    ("ndate", r"(?<![\d/.\-])(?P<ny>1[6-9]\d\d|20\d\d)(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d/.\-])"),
    ("month", rf"(?P<my>{_YEAR})年(?P<mm>{_SMALL})月(?:份)?(?P<mpart>上旬|中旬|下旬|底|末|初)?"),
    ("ypart", rf"(?P<py>{_YEAR})年(?P<part>底|末|初|年底|年末|年初|上半年|下半年|{_NINE_MONTHS}|{_QUARTER}|[春夏秋冬]季)"),
    ("since_y", rf"(?P<sy>{_YEAR})年(?:以来|来)"),
    ("year", rf"(?P<yy>{_YEAR})年(?!度|代|级|龄)"),
    # days of the year the text speaks of: 11月6日至10日, 3月5日
    ("mdrange", (rf"(?<![年\d{_CD}])(?P<qm1>{_SMALL})月(?P<qd1>{_SMALL})[日号]?{_TO}"
                 rf"(?:(?P<qm2>{_SMALL})月)?(?P<qd2>{_SMALL})[日号]")),
    ("mday", rf"(?<![年\d{_CD}])(?P<dm>{_SMALL})月(?P<dd>{_SMALL})[日号]"),
    # months of the year in focus: 1—6月, 1至11月份
    ("bmrange", rf"(?<![年\d{_CD}个])(?P<bq1>{_SMALL})月?{_TO}(?P<bq2>{_SMALL})月(?!\d|[{_CD}十]|[日号])"),
    # a month of the current year as a deadline: 六月前, 9月底
    ("bmonth", rf"(?<![年\d{_CD}个每])(?P<bm>{_SMALL})月(?P<bmp>底|末|前|份)"),
    # a month alone opening a clause: 一月，陈独秀同志来到广州
    ("cmonth", r"(?<![^，。；：\n])(?P<cm>十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9])月(?=[，、])"),
    # plan periods
    ("plan_q", rf"(?P<pq>[“「‘\"](?P<pqn>{_FIVE}|{_OLD_FIVE})[”」’\"])(?P<pqs>以来|时期|期间|末|初|期末|前期|中期)?"),
    ("plan", rf"(?<![十百千\d])(?P<pn>{_FIVE})(?P<ps>以来|时期|期间|末期?|初期?|规划|计划)?(?![{CN_NONZERO}十])"),
    ("plan_old", rf"(?<![十百千\d])(?P<pon>{_OLD_FIVE})(?P<pos>时期|期间|规划|计划)"),
    ("plan_nth", rf"第(?P<nth>[{CN_NONZERO}十]{{1,3}})个五年(?:计划|规划)(?P<nths>期间|时期)?"),
    ("congress", rf"(?P<cn>[一二]?十?[{CN_NONZERO}十])大以来"),
    # since a plenary session of the Central Committee or a congress named in full: 十一届三中全会以来,
    # (党的)第十一次全国代表大会以来 (see .events)
    ("plenum", (rf"(?P<ptt>{_ORD})届(?:中央委员会)?第?(?P<pts>{_ORD})(?:中全会|次全体会议)以来"
                rf"|(?<=党的|产党)第(?P<pct>{_ORD})次全国代表大会以来")),
    # since a session of the National People's Congress: 六届人大一次会议以来
    ("npc_since", rf"第?(?P<npt>{_ORD})届(?:全国人民代表大会|全国人大|人大)第?(?P<nps>{_ORD})次会议以来"),
    # since the government in office was formed: 本届政府以来, 本届政府成立以来
    ("gov_since", r"本届政府(?:成立)?以来"),
    # relative: 五年来, 五年多来, 5年来, 一年来, 过去一年, 过去的一年, 过去五年; 这五年 looking back
    # (not 这一年, the year in focus; not 一九六○年这八年 or 在这十年里, a period named or ahead);
    # (在)这五年中 / 这四年间 look back unless their sentence looks ahead (see relative.past_years)
    ("past", (rf"过去(?P<pastn>{_NUM})年|过去的(?P<pastd>{_SMALL}|两)年"
              rf"|(?<!年)这(?![一1]年)(?P<pastz>{_SMALL}|两)年(?![代级龄度里内的时])")),
    # looking ahead: 今后五年, 未来五年
    ("ahead", rf"(?:今后|未来)(?P<an>{_SMALL}|两)年(?![代级龄度])"),
    # years before the document's: 十年前, 五年以前 (not 2030年前, a deadline; not 五年前后, "about")
    ("ago", rf"(?<![\d{_CD}十百千两几多年])(?!(?<=数)十)(?P<agn>{_SMALL}|两)年(?:以)?前(?![后後])"),
    # a decade of a century: 本世纪二十年代 (the document's century), 上世纪九十年代, 二十世纪八十年代
    ("decade", (rf"(?P<dcc>本世纪|上个?世纪|下个?世纪|(?P<dcx>二十一|二十|十九|21|20|19)世纪)的?"
                rf"(?P<dcn>[一二三四五六七八九])十年代")),
    # a decade named without its century: 五十年代, 九十年代初, 80年代 (see .explicit.decade)
    ("decade_bare", rf"(?<![\d{_CD}十百千两几数第])(?:(?P<dbn>[二三四五六七八九])十|(?P<dbd>[2-9])0)年代"),
    ("rel", rf"(?<![\d{_CD}十百千年几])(?!(?<=数)十)(?:最?近)?(?P<rn>{_NUM})(?:个)?年(?P<more>多)?(?:以)?来"),
    # anaphoric and deictic years
    # a day or a month of the year just named: 同年四月二十八日, 当年12月
    ("ana_day", rf"(?P<anad>当年|同年|该年|是年)(?P<adm>{_SMALL})月(?:(?P<add>{_SMALL})[日号])?"),
    ("ana", r"(?P<ana>当年|同年|该年|是年)"),
    # the year a founding turns N: (中国共产党)成立一百年时, 建党一百年 (see .explicit.anniversary); not
    # a celebration of it (成立五十周年), which the text names as an occasion rather than a date
    ("anniv", rf"(?P<anv>成立|建党|建国|建军)(?P<ann>{_NUM})年(?P<ant>时|之际)?(?![代度级龄来以])"),
    # a part of the century the document is written in: 到本世纪末, 本世纪中叶, 下世纪中叶
    ("century_part", r"(?P<cpt>本世纪末|本世纪中叶|下世纪中叶)"),
    # a year counted in the new century: 新世纪第一年
    ("century_nth", rf"新世纪(?:的)?第(?P<cn_n>[{CN_NONZERO}十]{{1,2}}|\d{{1,2}})(?:个)?年(?![代级龄度])"),
    ("jm", r"(?P<jm>今明两年|今后两年)"),
    ("deic_part", (rf"(?P<dpy>今年|明年|去年|本年)(?P<dpp>年底|年末|年初|底|末|初|上半年|下半年|{_NINE_MONTHS}|(?P<dpq>{_QUARTER})"
                   rf"|(?P<dps>[春夏秋冬])季|(?P<dpm>{_SMALL})(?:月?{_TO}(?P<dpm2>{_SMALL}))?月"
                   rf"(?:(?P<dpd>{_SMALL})[日号]|(?P<dpmp>底|末|初|份))?)")),
    # fiscal years counted from the document's: 本年度, 上财政年度, 下年度 (see .fiscal)
    ("fiscal_rel", r"(?P<fr>今个|这个|本个|本|上一个|上个|上|下一个|下个|下)(?P<frf>财政)?年度"),
    ("deictic", r"(?P<deic>今年|本年内|本年度|本年|去年|上一年|上年|明年|来年|前年|全年|这一年)"),
    # parts of the year in focus, the year unsaid: 年末, 年底前, 年内, 上半年, 一季度
    ("focus_part", (rf"(?<![\d{_CD}十百千两几多今明去本当同该是每上前全半年个近])(?P<fp>年底|年末|年初|年内)"
                    rf"|(?<![年今明去本])(?P<fpm>上半年|下半年|{_NINE_MONTHS}|第[一二三四]季度?|[一二三四]季度|首季度?)")),
    # durations: 5年, 六十四年, 将近十年
    ("dur", rf"(?P<dq>将近|近|约|大约|超过|长达|历时|历经)?(?<!几)(?!(?<=数)十)(?P<dn>{_NUM})(?P<dmore>多)?(?P<du>个月|年)(?P<dpost>多|左右|以上)?"),
]

#: Every pattern starts with one of these characters or :data:`FIRST_WORDS`: a cheap first test
#: before the alternation.
FIRST_CHARS = rf"\d{_CD}十两截“「‘\"第过当同该是今本去上下明来前全将近约大超长历这未新首"
#: Patterns that start with a frequent character are tested on the next ones too (年 opens
#: 年底 but also ends every year).
FIRST_WORDS = "年[底末初内]|下半年|最近|成立|建[党国军]"
