"""Visible text of a saved web page, as the fresh golds count occurrences in it."""
# visible text of an HTML page: html.parser, tags removed, entities decoded, block elements as line breaks
import html.parser
import sys

BLOCK = {"p","div","br","tr","td","th","table","li","ul","ol","h1","h2","h3","h4","h5","h6","tbody","section","article","header","footer","title"}
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True); s.out=[]; s.skip=0
    def handle_starttag(s,t,a):
        if t in ("script","style"): s.skip+=1
        if t in BLOCK: s.out.append("\n")
    def handle_endtag(s,t):
        if t in ("script","style"): s.skip-=1
        if t in BLOCK: s.out.append("\n")
    def handle_data(s,d):
        if not s.skip: s.out.append(d)
def visible(path):
    raw=open(path,encoding="utf-8",errors="replace").read()
    p=P(); p.feed(raw); return "".join(p.out)
if __name__=="__main__":
    print(visible(sys.argv[1]))
