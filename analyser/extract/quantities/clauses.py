"""Clause boundaries and the words around a figure that are no part of what it measures.

Shared by the indicator rules (:mod:`.context`) and the 分别 pairing (:mod:`.respectively`).
"""
from __future__ import annotations

import re

__all__ = ["ANNOUNCED", "BREAK", "BREAK_STRONG", "LEAD", "SHARE_OF", "STRONG_BREAK", "TRAIL"]

BREAK = set("，。；：！？\n、“”「」（）()《》")
LEAD = re.compile(
    r"(?:第[一二三四五六七八九十百零]+条\s*|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{1,3}[.．、](?!\d)|"  # outline markers
    r"[一二三四五六七八九十两\d]{1,3}年(?:间|来|内|中)|至于|"  # a span of time, a topic marker
    r"其中|此外|同时|另外|并且|并|而且|以及|及|和|与|共|共计|合计|总计|累计共?|全国|全省|全区|全市|各地|"
    r"据统计|据初步统计|初步统计|据测算|经测算|截至目前|目前|当年|全年|今年|去年|期间|其中有|包括|比如|例如|"
    r"通过|使|让|将|把|对|在|为|已|已经|还|也|都|又|再|均|分别|每年|共|的|那么|如果|但是|而且|而|则|预计|预计将|或者|或)+"
)
TRAIL = re.compile(r"(?:按照|按|拟按|拟|将|从|由|分别|分别为|分别是|分别达到?|为|是|达|达到|约为|有|共|计|了|的|等|在|至|到|都|均|已|合计|总计|共计|累计|平均)+$")
BREAK_STRONG = set("，。；：！？\n“”「」（）()《》")
STRONG_BREAK = re.compile("[" + re.escape("".join(sorted(BREAK_STRONG))) + "]")
#: 抓好以下五项工作, 从以下三个方面: a count announcing a list counts the noun after it
ANNOUNCED = re.compile(r"(?:以下|如下|下列|下面)$")
#: 占全国现有十二亿亩粮食耕地的…: the figure sits in the object of 占, and the noun after it is what it measures
SHARE_OF = re.compile(r"占(?:全国|全省|全区|全市|全县)?(?:现有)?")

