import json, copy, sys, os
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'invoice-core', 'tests', 'vectors')
def special():
    return {"kind":"special_paper","code":"4403183130","number":"05370195","issue_date":"2019-05-10",
     "seller":{"name":"深圳市某某科技有限公司","tax_id":"91440300MA5D8N2K0X","address":"深圳市南山区科技园1号","phone":"0755-12345678","bank":"招商银行深圳分行","account":"755912345610101"},
     "buyer":{"name":"上海七牛信息技术有限公司","tax_id":"91310000580583950X","address":"上海市浦东新区某路1号","phone":"021-12345678","bank":"中国银行上海分行","account":"4567890123456789"},
     "lines":[{"tax_code":"1090511030000000000","name":"*计算机设备*笔记本电脑","spec":"X1","unit":"台","quantity":"2","unit_price":"4500","amount":"9000.00","rate":"13%","tax":"1170.00"},
              {"tax_code":"3040201000000000000","name":"*信息技术服务*技术服务费","amount":"1000.00","rate":"6%","tax":"60.00"}],
     "totals":{"amount":"10000.00","tax":"1230.00","total":"11230.00","total_in_words":"壹万壹仟贰佰叁拾圆整"},
     "drawer":"王五"}
def person():
    return {"kind":"digital_ordinary","number":"24312000000358032546","issue_date":"2024-11-18",
     "seller":{"name":"上海七牛信息技术有限公司","tax_id":"91310000580583950X"},
     "buyer":{"name":"张三","type":"natural_person"},
     "lines":[{"tax_code":"3070401000000000000","name":"*餐饮服务*餐饮服务","amount":"100.00","rate":"6%","tax":"6.00"}],
     "totals":{"amount":"100.00","tax":"6.00","total":"106.00","total_in_words":"壹佰零陆圆整"}}
def red():
    return {"kind":"digital_special","number":"24312000000358099999","issue_date":"2024-12-05",
     "seller":{"name":"上海七牛信息技术有限公司","tax_id":"91310000580583950X"},
     "buyer":{"name":"北京某某科技有限公司","tax_id":"91110108MA01ABCD5T"},
     "lines":[{"tax_code":"1090511030000000000","name":"*计算机设备*显示器","unit":"台","quantity":"-1","unit_price":"442.48","amount":"-442.48","rate":"13%","tax":"-57.52"}],
     "totals":{"amount":"-442.48","tax":"-57.52","total":"-500.00","total_in_words":"（负数）伍佰圆整"},
     "red":{"original_number":"24112000000135114086","confirmation_number":"11010824091002615708","reason":"goods_returned"}}
def ordinary_paper():
    return {"kind":"ordinary_paper","code":"3100171320","number":"40184419","issue_date":"2018-05-12",
     "seller":{"name":"上海某某贸易有限公司","tax_id":"91310115768225450T"},
     "buyer":{"name":"北京某某科技有限公司","tax_id":"91110108MA01ABCD5T"},
     "lines":[{"tax_code":"1090511030000000000","name":"*办公用品*签字笔","unit":"支","quantity":"10","unit_price":"2.5","amount":"25.00","rate":"16%","tax":"4.00"}],
     "totals":{"amount":"25.00","tax":"4.00","total":"29.00","total_in_words":"贰拾玖圆整"},
     "check_code":"82190984023325258452"}
AS_OF={"special":"2019-06-01","person":"2024-12-01","red":"2024-12-10","ordinary_paper":"2018-06-01"}
BASES={"special":special,"person":person,"red":red,"ordinary_paper":ordinary_paper}
def case(id, base, mutate=None, expected=None, ctx=None, comment=None):
    inv=BASES[base]()
    if mutate: mutate(inv)
    inp={"invoice":inv,"as_of":AS_OF[base]}
    if ctx: inp.update(ctx)
    c={"id":id}
    if comment: c["comment"]=comment
    c["op"]="invoice.validate"; c["input"]=inp
    c["expected"]=expected if expected is not None else {"valid":True,"findings":[]}
    return c
def f(code,path,sev="error"): return {"code":code,"path":path,"severity":sev}
def bad(*fs): return {"valid": not any(x["severity"]=="error" for x in fs), "findings":list(fs)}
rules={}
def rule(code, desc, cases): rules[code]=(desc,cases)
def setp(path, value):
    def m(inv):
        cur=inv; parts=path
        for p in parts[:-1]: cur=cur[p]
        if value is DEL: cur.pop(parts[-1],None)
        else: cur[parts[-1]]=value
    return m
DEL=object()
def chain(*ms):
    def m(inv):
        for x in ms: x(inv)
    return m
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'rules_cases.py')).read())
os.makedirs(OUT+'/rules',exist_ok=True)
for code,(desc,cases) in rules.items():
    doc={"area":"validate","rule":code,"description":desc,
         "sources":["domain.md (section named in each case's comment)","invoice-core RULES.md"],
         "ops":{"invoice.validate":"input {invoice, as_of, seller_category?, issuing_limit?, policy?, not_carried?: [field names]}; output {valid, findings: [{code, path, severity}]} in the validator's order"},
         "cases":cases}
    json.dump(doc,open(f'{OUT}/rules/{code}.json','w'),ensure_ascii=False,indent=1)
print(len(rules),"rule files")

# Whole invoices: the valid bases, and broken ones with exactly the findings expected.
def many_problems(inv):
    inv["issue_date"]="2024-12-20"
    inv["seller"]["tax_id"]="9131000058058395"
    inv["buyer"]={"name":"北京某某科技有限公司","type":"enterprise"}
    inv["lines"]=[{"tax_code":"3070401000000000000","name":"*餐饮服务*餐饮服务","amount":"100.00","rate":"16%","tax":"6.00"},
                  {"tax_code":"30704","name":"*餐饮服务*餐饮服务","quantity":"3","unit_price":"10","amount":"31.00","rate":"6%","tax":"1.86"}]
    inv["totals"]={"amount":"131.00","tax":"7.86","total":"138.00","total_in_words":"壹佰叁拾捌圆整"}
whole=[
 case("valid-special-paper","special",comment="a valid legacy paper 专票 (深圳 2018 code, 13 % goods and 6 % service)"),
 case("valid-ordinary-to-person","person",comment="a valid 数电普票 to a natural person: name only"),
 case("valid-red-digital","red",comment="a valid red 数电专票 reversing 24112000000135114086 with 确认单 11010824091002615708 and （负数）伍佰圆整"),
 case("valid-ordinary-paper","ordinary_paper",comment="a valid paper 普票 with its 校验码 (QR sample 01,04,…,40184419)"),
 case("broken-many-problems","person",many_problems,
   bad(f("HDR-05","issue_date"),f("PTY-02","seller.tax_id"),f("PTY-04","buyer.tax_id"),
       f("LIN-03","lines[0].rate"),f("LIN-02","lines[1].tax_code"),
       f("CAL-03","lines[0].tax"),f("CAL-02","lines[1].amount"),f("CAL-04","totals.tax"),f("CAL-07","totals.total")),
   comment="one call reports every problem: future date, a 16-character seller id, an enterprise buyer without id, a rate not in force, a short tax code, a tax 10.00 off (also past the 1.27 accumulated limit), quantity × price off, 价税合计 not amount + tax (the 大写 states the declared 138.00, so it is not reported)"),
]
json.dump({"area":"validate","description":"Whole invoices: valid ones of three kinds and a broken one with every finding at once.",
 "sources":["domain.md §1.3, §6, §7, §8, §9.4","invoice-core RULES.md"],
 "ops":{"invoice.validate":"as in rules/*.json"},"cases":whole},open(f'{OUT}/invoices.json','w'),ensure_ascii=False,indent=1)
