import html

print(html.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
print(html.escape("<a href=\"x\">Tom & 'Jerry'</a>", quote=False))
for s in ["&lt;p&gt;", "&amp;amp;", "&#65;&#x42;&#X43;", "&copy 2024", "&copyright;", "&nbsp;x",
          "&#0;&#128;&#150;&#x110000;&#xD800;&#1;", "&unknown;", "& alone", "&quot;q&quot; &apos;",
          "&hellip;&mdash;&euro;", "&ampx", "&#38", "no entities", "&AMP;&LT"]:
    print(repr(html.unescape(s)))
