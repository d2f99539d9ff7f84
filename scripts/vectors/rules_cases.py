def lines_of(inv, lst): inv["lines"]=lst
def tot(a,t,g,w): return setp(["totals"],{"amount":a,"tax":t,"total":g,"total_in_words":w})
P0=lambda: person()["lines"][0]
def pl(**kw):
    l=P0(); l.update(kw); return l
rule("HDR-01","A legacy kind needs its 发票代码 (domain.md §1.1, §2).",[
 case("pass","special",comment="a valid paper 专票 with code 4403183130"),
 case("fail-missing","special",setp(["code"],DEL),bad(f("HDR-01","code")))])
rule("HDR-02","A 数电 electronic invoice has no 发票代码 (domain.md §2.4, §3.2).",[
 case("pass","person"),
 case("fail-code-given","person",setp(["code"],"031001600311"),bad(f("HDR-02","code")))])
rule("HDR-03","The number has the form of the kind: 8 digits legacy, 20 digits 数电 (domain.md §2.3–2.4).",[
 case("pass","person"),
 case("fail-8-digits-on-digital","person",setp(["number"],"05370195"),bad(f("HDR-03","number")))])
rule("HDR-04","The code is well-formed and names the invoice's kind (domain.md §2.1–2.2).",[
 case("pass","special"),
 case("fail-ordinary-code-on-special","special",setp(["code"],"3100171320"),bad(f("HDR-04","code")),comment="3100171320: 8th digit 3 = 普票"),
 case("fail-malformed-code","special",setp(["code"],"440318313"),bad(f("NUM-01","code")),comment="9 digits: the number module's own code is reported at the code's path")])
rule("HDR-05","The issue date is not after as_of (domain.md §4.3, §10).",[
 case("pass-same-day","person",ctx={"as_of":"2024-11-18"}),
 case("fail-future","person",ctx={"as_of":"2024-11-01"},expected=bad(f("HDR-05","issue_date")))])
rule("HDR-06","A 校验码 is 20 digits (domain.md §4.1).",[
 case("pass","ordinary_paper"),
 case("fail-short","ordinary_paper",setp(["check_code"],"1234"),bad(f("HDR-06","check_code")))])
rule("HDR-07","A 数电 paper invoice's linked number is 20 digits (domain.md §1.1).",[
 case("pass","ordinary_paper",chain(setp(["kind"],"digital_paper_ordinary"),setp(["digital_number"],"24312000000358032546"))),
 case("fail","ordinary_paper",chain(setp(["kind"],"digital_paper_ordinary"),setp(["digital_number"],"123")),bad(f("HDR-07","digital_number")))])
rule("HDR-08","Text fields fit the tax system's lengths in GBK bytes (domain.md §12).",[
 case("pass","person",setp(["drawer"],"欧阳某某")),
 case("fail-drawer","person",setp(["drawer"],"某某某某某某某某某"),bad(f("HDR-08","drawer")),comment="9 Chinese characters = 18 GBK bytes > 16"),
 case("fail-buyer-name","special",setp(["buyer","name"],"某"*51),bad(f("HDR-08","buyer.name"))),
 case("fail-remarks-digital","person",setp(["remarks"],"备"*201),bad(f("HDR-08","remarks")),comment="数电: 200 characters")])
rule("HDR-09","合计金额 stays strictly below the issuing limit (国家税务总局公告2013年第39号, domain.md §10).",[
 case("pass","special",ctx={"issuing_limit":"100000.00"}),
 case("fail-equal-to-limit","special",ctx={"issuing_limit":"10000.00"},expected=bad(f("HDR-09","totals.amount")),comment="10000.00 is not below a 10000.00 limit (万元版)")])
rule("HDR-10","A kind without a 校验码 carries none (warning; domain.md §4.1).",[
 case("pass","ordinary_paper"),
 case("warn","person",setp(["check_code"],"82190984023325258452"),bad(f("HDR-10","check_code","warning")))])
rule("PTY-01","The seller's taxpayer id is required.",[
 case("pass","person"),
 case("fail","person",setp(["seller","tax_id"],DEL),bad(f("PTY-01","seller.tax_id")))])
rule("PTY-02","Taxpayer ids are well-formed (domain.md §5).",[
 case("pass","special"),
 case("fail-seller","person",setp(["seller","tax_id"],"ABC123"),bad(f("PTY-02","seller.tax_id"))),
 case("fail-buyer-length","special",setp(["buyer","tax_id"],"9131000058058395"),bad(f("PTY-02","buyer.tax_id")),comment="16 characters: no taxpayer id form has 16"),
 case("warn-buyer-mistyped-uscc","special",setp(["buyer","tax_id"],"91350100M000100Y44"),bad(f("ID-18","buyer.tax_id","warning")),comment="GB 32100 check character should be 3; an 18-character id need not be a USCC (domain.md §5.2), so a near miss is a warning")])
rule("PTY-03","A 专票 needs the buyer's taxpayer id (domain.md §1.3).",[
 case("pass","special"),
 case("fail","special",setp(["buyer","tax_id"],DEL),bad(f("PTY-03","buyer.tax_id")))])
rule("PTY-04","An invoice to an enterprise needs its taxpayer id (国家税务总局公告2017年第16号).",[
 case("pass-person","ordinary_paper",chain(setp(["buyer","tax_id"],DEL),setp(["buyer","type"],"natural_person"))),
 case("fail","ordinary_paper",setp(["buyer","tax_id"],DEL),bad(f("PTY-04","buyer.tax_id")))])
rule("PTY-05","A legacy 专票 needs the buyer's address and phone (domain.md §1.3).",[
 case("pass","special"),
 case("fail","special",setp(["buyer","address"],DEL),bad(f("PTY-05","buyer.address")))])
rule("PTY-06","A legacy 专票 needs the buyer's bank and account (domain.md §1.3).",[
 case("pass","special"),
 case("fail","special",setp(["buyer","account"],DEL),bad(f("PTY-06","buyer.account")))])
rule("PTY-07","A 专票 is not issued to a natural person (国税发〔2006〕156号).",[
 case("pass","special"),
 case("fail","special",setp(["buyer","type"],"natural_person"),bad(f("PTY-07","buyer.type")))])
rule("LIN-01","An invoice has lines.",[
 case("pass","person"),
 case("fail","person",setp(["lines"],[]),bad(f("LIN-01","lines"),f("CAL-05","totals.amount"),f("CAL-06","totals.tax")))])
rule("LIN-02","The 税收分类编码 has 19 digits (domain.md §12).",[
 case("pass","person"),
 case("fail-short","person",setp(["lines"],[pl(tax_code="307040100")]),bad(f("LIN-02","lines[0].tax_code"))),
 case("fail-missing","person",setp(["lines"],[{k:v for k,v in P0().items() if k!="tax_code"}]),bad(f("LIN-02","lines[0].tax_code")))])
rule("LIN-03","The rate is in force on the issue date for the seller's category (domain.md §6.1).",[
 case("pass-small-scale-1pct","person",chain(setp(["lines"],[pl(rate="1%",tax="1.00")]),tot("100.00","1.00","101.00","壹佰零壹圆整")),ctx={"seller_category":"small_scale"}),
 case("fail-16pct-in-2024","person",chain(setp(["lines"],[pl(rate="16%",tax="16.00")]),tot("100.00","16.00","116.00","壹佰壹拾陆圆整")),bad(f("LIN-03","lines[0].rate"))),
 case("fail-small-scale-6pct","person",ctx={"seller_category":"small_scale"},expected=bad(f("LIN-03","lines[0].rate")))])
def sp_exempt(inv):
    inv["lines"][1]["rate"]="免税"; inv["lines"][1]["tax"]="0.00"
    inv["totals"]={"amount":"10000.00","tax":"1170.00","total":"11170.00","total_in_words":"壹万壹仟壹佰柒拾圆整"}
rule("LIN-04","A 专票 carries no 0 %, 免税, 不征税 or 零税率 line (domain.md §6.2).",[
 case("pass","special"),
 case("fail-exempt","special",sp_exempt,bad(f("LIN-04","lines[1].rate")))])
def nine(inv):
    l=inv["lines"][0]; inv["lines"]=[dict(l) for _ in range(9)]
    inv["totals"]={"amount":"225.00","tax":"36.00","total":"261.00","total_in_words":"贰佰陆拾壹圆整"}
rule("LIN-05","A paper invoice prints at most 8 lines without a 销货清单 (domain.md §7.6).",[
 case("pass-with-list","ordinary_paper",chain(nine,setp(["has_list"],True))),
 case("fail-nine-lines","ordinary_paper",nine,bad(f("LIN-05","lines")))])
def disc(amount,tax,**kw):
    d={"tax_code":"3070401000000000000","name":"*餐饮服务*餐饮服务","amount":amount,"rate":"6%","tax":tax,"nature":"discount"}; d.update(kw); return d
rule("LIN-06","A discount line directly follows its discounted line (domain.md §7.4).",[
 case("pass","person",chain(setp(["lines"],[pl(nature="discounted"),disc("-10.00","-0.60")]),tot("90.00","5.40","95.40","玖拾伍圆肆角整"))),
 case("fail-after-normal","person",chain(setp(["lines"],[pl(),disc("-10.00","-0.60")]),tot("90.00","5.40","95.40","玖拾伍圆肆角整")),bad(f("LIN-06","lines[1].nature")))])
rule("LIN-07","A discount line is negative on a blue invoice (positive on a red one) (domain.md §7.4).",[
 case("fail-positive-on-blue","person",chain(setp(["lines"],[pl(nature="discounted"),disc("10.00","0.60")]),tot("110.00","6.60","116.60","壹佰壹拾陆圆陆角整")),bad(f("LIN-07","lines[1].amount")))])
rule("LIN-08","A discount line has the rate and tax code of its discounted line (domain.md §7.4).",[
 case("fail-other-rate","person",chain(setp(["lines"],[pl(nature="discounted"),disc("-10.00","-1.30",rate="13%")]),tot("90.00","4.70","94.70","玖拾肆圆柒角整")),bad(f("LIN-08","lines[1].rate")))])
rule("LIN-09","A discount is not larger than the discounted amount (domain.md §7.4).",[
 case("fail-too-large","person",chain(setp(["lines"],[pl(nature="discounted"),disc("-150.00","-9.00")]),tot("-50.00","-3.00","-53.00","（负数）伍拾叁圆整")),bad(f("LIN-09","lines[1].amount"),f("RED-01","totals.total")))])
rule("LIN-10","A discount line has no quantity, price, unit or specification (domain.md §7.4).",[
 case("fail-unit","person",chain(setp(["lines"],[pl(nature="discounted"),disc("-10.00","-0.60",unit="个")]),tot("90.00","5.40","95.40","玖拾伍圆肆角整")),bad(f("LIN-10","lines[1].quantity")))])
rule("LIN-11","A line amount is not zero (domain.md §7.5).",[
 case("fail-zero","person",chain(setp(["lines"],[pl(amount="0.00",tax="0.00")]),tot("0.00","0.00","0.00","零圆整")),bad(f("LIN-11","lines[0].amount"),f("RED-01","totals.total")))])
def neg_price(inv): inv["lines"][0]["unit_price"]="-4500"
rule("LIN-12","A unit price is positive, on red invoices too (domain.md §7.5).",[
 case("pass-red","red"),
 case("fail-negative","special",neg_price,bad(f("LIN-12","lines[0].unit_price"),f("CAL-02","lines[0].amount")))])
def no_price(inv): inv["lines"][0].pop("unit_price")
rule("LIN-13","Quantity and unit price come together (warning; domain.md §7.2).",[
 case("warn","special",no_price,bad(f("LIN-13","lines[0].unit_price","warning")))])
rule("LIN-14","A discounted line is followed by its discount line (domain.md §7.4).",[
 case("fail-alone","person",setp(["lines"],[pl(nature="discounted")]),bad(f("LIN-14","lines[0].nature")))])
rule("RED-01","A blue invoice's totals are positive; a negative line (a refund, a discount) is allowed when the totals are net of it (domain.md §7.5, formats.md §1).",[
 case("pass","person"),
 case("fail-negative-blue","person",chain(setp(["lines"],[pl(amount="-100.00",tax="-6.00")]),tot("-100.00","-6.00","-106.00","（负数）壹佰零陆圆整")),bad(f("RED-01","totals.total")),comment="the totals are negative; the negative line itself is not a finding (a refund line may be)")])
def red_positive(inv):
    inv["lines"][0].update(quantity="1",amount="442.48",tax="57.52")
    inv["totals"]={"amount":"442.48","tax":"57.52","total":"500.00","total_in_words":"伍佰圆整"}
rule("RED-02","A red invoice's totals are negative (domain.md §7.5).",[
 case("pass","red"),
 case("fail-positive-red","red",red_positive,bad(f("RED-02","totals.total"),f("RED-02","totals.amount"),f("RED-02","totals.tax"),f("RED-03","lines[0].amount"),f("RED-03","lines[0].quantity"),f("RED-03","lines[0].tax")))])
rule("RED-03","A red invoice's lines are negative: amount, quantity, tax (domain.md §7.5).",[
 case("fail-positive-quantity","red",lambda inv: inv["lines"][0].update(quantity="1"),bad(f("CAL-02","lines[0].amount"),f("RED-03","lines[0].quantity")))])
rule("RED-04","The blue original's number (and code, for legacy kinds) is well-formed.",[
 case("pass","red"),
 case("fail","red",setp(["red","original_number"],"123"),bad(f("RED-04","red.original_number")))])
def legacy_red(inv):
    inv["lines"][0].update(quantity="-2",amount="-9000.00",tax="-1170.00")
    inv["lines"][1].update(amount="-1000.00",tax="-60.00")
    inv["totals"]={"amount":"-10000.00","tax":"-1230.00","total":"-11230.00","total_in_words":"（负数）壹万壹仟贰佰叁拾圆整"}
    inv["red"]={"original_number":"05370194","original_code":"4403183130","reason":"sales_allowance"}
def with_table(inv):
    inv["red"]["info_table_number"]="1403011904008400"; inv["remarks"]="开具红字增值税专用发票信息表编号1403011904008400"
rule("RED-05","A red legacy 专票 cites its 16-digit 红字信息表 (国家税务总局公告2016年第47号, domain.md §9.3).",[
 case("pass","special",chain(legacy_red,with_table)),
 case("fail","special",legacy_red,bad(f("RED-05","red.info_table_number"),f("RED-08","remarks")))])
rule("RED-06","A red 数电 invoice cites its 20-digit 红字确认单 (domain.md §9.4).",[
 case("pass","red"),
 case("fail","red",setp(["red","confirmation_number"],DEL),bad(f("RED-06","red.confirmation_number")))])
rule("RED-07","红字信息表 numbers have 16 digits, 确认单 numbers 20 (domain.md §9.3–9.4).",[
 case("fail-confirmation","red",setp(["red","confirmation_number"],"123"),bad(f("RED-07","red.confirmation_number"))),
 case("fail-info-table","special",chain(legacy_red,with_table,setp(["red","info_table_number"],"14030119040084")),bad(f("RED-07","red.info_table_number")))])
def op_red(inv):
    inv["lines"][0].update(quantity="-10",amount="-25.00",tax="-4.00")
    inv["totals"]={"amount":"-25.00","tax":"-4.00","total":"-29.00","total_in_words":"（负数）贰拾玖圆整"}
    inv["red"]={"original_number":"40184418","original_code":"3100171320","reason":"goods_returned"}
rule("RED-08","A red legacy invoice's remarks cite its authority (domain.md §9.3).",[
 case("pass","ordinary_paper",chain(op_red,setp(["remarks"],"对应正数发票代码:3100171320号码:40184418"))),
 case("fail","ordinary_paper",op_red,bad(f("RED-08","remarks")))])
CON={"type":"construction","site":"上海市浦东新区","project":"某某大厦"}
rule("SPC-01","建筑服务: legacy remarks name the site and the project (国家税务总局公告2016年第23号).",[
 case("pass","special",chain(setp(["special"],CON),setp(["remarks"],"建筑服务发生地：上海市浦东新区；项目名称：某某大厦"))),
 case("pass-digital-structured","person",setp(["special"],CON),comment="数电 carries them as 特定要素"),
 case("fail","special",setp(["special"],CON),bad(f("SPC-01","remarks")))])
rule("SPC-02","Cross-region construction needs the 跨区域涉税事项报验管理编号 (domain.md §12).",[
 case("fail","person",setp(["special"],dict(CON,cross_region=True)),bad(f("SPC-02","special.cross_region_permit")))])
LEASE={"type":"real_estate_lease","address":"上海市徐汇区某路2号"}
rule("SPC-03","不动产: legacy remarks give the property's address (国家税务总局公告2016年第23号).",[
 case("pass","special",chain(setp(["special"],LEASE),setp(["remarks"],"上海市徐汇区某路2号"))),
 case("fail","special",setp(["special"],LEASE),bad(f("SPC-03","remarks")))])
rule("SPC-04","A real-estate sale names the property certificate (domain.md §12).",[
 case("pass","person",setp(["special"],{"type":"real_estate_sale","address":"上海市徐汇区某路2号","certificate":"沪房地徐字(2020)第001234号"})),
 case("fail","person",setp(["special"],{"type":"real_estate_sale","address":"上海市徐汇区某路2号"}),bad(f("SPC-04","special.certificate")))])
def ded(inv):
    inv["deduction"]="50.00"; inv["lines"][0]["tax"]="3.00"
    inv["totals"]={"amount":"100.00","tax":"3.00","total":"103.00","total_in_words":"壹佰零叁圆整"}
rule("SPC-05","差额征税: the remarks say 差额征税 (国家税务总局公告2016年第23号, domain.md §6.3).",[
 case("pass","person",chain(ded,setp(["remarks"],"差额征税: 50.00。"))),
 case("fail","person",ded,bad(f("SPC-05","remarks")))])
rule("SPC-06","Freight transport lists at least one leg (domain.md §12).",[
 case("pass","person",setp(["special"],{"type":"freight","legs":[{"from":"上海","to":"北京","plate":"沪A12345"}]})),
 case("fail","person",setp(["special"],{"type":"freight","legs":[]}),bad(f("SPC-06","special.legs")))])
rule("CAL-01","A line has an amount (domain.md §7.2).",[
 case("fail","person",setp(["lines"],[{k:v for k,v in P0().items() if k!="amount"}]),bad(f("CAL-01","lines[0].amount"),f("CAL-05","totals.amount")))])
rule("CAL-02","quantity × unit price is within 0.01 of the amount (domain.md §7.2).",[
 case("pass-within","person",setp(["lines"],[pl(quantity="3",unit_price="33.333333")]),comment="3 × 33.333333 = 99.999999 vs 100.00 (domain.md §7.3)"),
 case("fail","special",lambda inv: inv["lines"][0].update(unit_price="4400"),bad(f("CAL-02","lines[0].amount")))])
rule("CAL-03","A line's tax is within 0.06 of amount × rate (domain.md §7.2).",[
 case("pass-at-limit","person",chain(setp(["lines"],[pl(tax="6.06")]),tot("100.00","6.06","106.06","壹佰零陆圆零陆分"))),
 case("fail-over-limit","person",chain(setp(["lines"],[pl(tax="6.07")]),tot("100.00","6.07","106.07","壹佰零陆圆零柒分")),bad(f("CAL-03","lines[0].tax")))])
ONE={"tax_code":"1090511030000000000","name":"*日用品*杯子","amount":"0.88","rate":"13%","tax":"0.12"}
rule("CAL-04","The accumulated tax difference stays within 1.27 (domain.md §7.2–7.3).",[
 case("pass-226-lines","person",chain(setp(["lines"],{"$repeat_item":ONE,"times":226}),tot("198.88","27.12","226.00","贰佰贰拾陆圆整")),comment="226 × (0.88 × 13% − 0.12) = −1.2656"),
 case("fail-227-lines","person",chain(setp(["lines"],{"$repeat_item":ONE,"times":227}),tot("199.76","27.24","227.00","贰佰贰拾柒圆整")),bad(f("CAL-04","totals.tax")),comment="227 lines: −1.2712 exceeds 1.27")])
rule("CAL-05","合计金额 is the sum of the line amounts (domain.md §7.2).",[
 case("fail","person",setp(["totals","amount"],"101.00"),bad(f("CAL-05","totals.amount"),f("CAL-07","totals.total")))])
rule("CAL-06","合计税额 is the sum of the line taxes (domain.md §7.2).",[
 case("fail","person",setp(["totals","tax"],"7.00"),bad(f("CAL-06","totals.tax"),f("CAL-07","totals.total")))])
rule("CAL-07","价税合计 = 合计金额 + 合计税额 (domain.md §7.2).",[
 case("fail","person",chain(setp(["totals","total"],"107.00"),setp(["totals","total_in_words"],"壹佰零柒圆整")),bad(f("CAL-07","totals.total")))])
W=["totals","total_in_words"]
STYLE=f("WRD-17","totals.total_in_words","warning")
def real(a,t,g,w): return chain(setp(["lines"],[pl(amount=a,tax=t)]),tot(a,t,g,w))
rule("CAL-08","The 大写 states the total, read leniently (every unambiguous form, domain.md §8); a style other than the invoice style is the warning WRD-17, a different amount the error CAL-08 (issue 15).",[
 case("pass-variant","person",setp(W,"人民币壹佰零陆元整"),bad(STYLE),comment="amount matches, style differs (人民币, 元): WRD-17 warning"),
 case("pass-ocr-mark","person",setp(W,"ⓧ壹佰零陆圆整")),
 case("pass-real-fen","person",real("2.00","0.12","2.12","贰圆壹角贰分"),comment="a real invoice's 大写: 圆, 分, no 整 (issue 12)"),
 case("warn-real-pboc","person",real("53.49","3.21","56.70","伍拾陆元柒角"),bad(STYLE),comment="a real invoice's 大写 in the PBoC style: 元, no 整 after 角 (issue 12): a warning only"),
 case("warn-no-whole","person",setp(W,"人民币壹佰零陆元"),bad(STYLE),comment="no 整 after 元 (issue 15): the amount matches"),
 case("warn-lower-case","person",setp(W,"一百零六元整"),bad(STYLE),comment="lower-case numerals (issue 15): the amount matches"),
 case("fail-lower-case-other-amount","person",setp(W,"一百零五元整"),bad(f("CAL-08","totals.total_in_words")),comment="a lenient reading that states another amount is still an error"),
 case("fail-other-amount","person",setp(W,"壹佰零伍圆整"),bad(f("CAL-08","totals.total_in_words")))])
rule("CAL-09","The 大写 is readable: unambiguous, no Arabic digits (domain.md §8.1).",[
 case("fail-arabic","person",setp(W,"106元整"),bad(f("CAL-09","totals.total_in_words"))),
 case("fail-ambiguous","person",setp(W,"壹佰陆圆整"),bad(f("CAL-09","totals.total_in_words")),comment="壹佰陆 is 106 by the grammar and 160 in speech: refused")])
def ded2(inv):
    inv["deduction"]="0.00"; inv["remarks"]="差额征税"
    inv["lines"]=[pl(),pl()]
    inv["totals"]={"amount":"200.00","tax":"12.00","total":"212.00","total_in_words":"贰佰壹拾贰圆整"}
rule("CAL-11","差额征税 has exactly one line (domain.md §6.3).",[
 case("fail-two-lines","person",ded2,bad(f("CAL-11","deduction")))])
rule("CAL-12","The 扣除额 is not negative and not above the amount (domain.md §6.3).",[
 case("fail-above","person",chain(setp(["deduction"],"150.00"),setp(["remarks"],"差额征税")),bad(f("CAL-12","deduction"),f("CAL-03","lines[0].tax")))])
rule("CAL-13","A line has its tax (domain.md §7.2).",[
 case("fail","person",setp(["lines"],[{k:v for k,v in P0().items() if k!="tax"}]),bad(f("CAL-13","lines[0].tax"),f("CAL-06","totals.tax")))])
rule("CAL-14","A 免税 / zero-rated line has tax 0 (DXHY 9309, domain.md §6.2).",[
 case("pass","person",chain(setp(["lines"],[pl(rate="免税",tax="0.00")]),tot("100.00","0.00","100.00","壹佰圆整"))),
 case("fail","person",setp(["lines"],[pl(rate="免税")]),bad(f("CAL-14","lines[0].tax"),f("CAL-03","lines[0].tax"),f("CAL-04","totals.tax")),comment="the 6.00 of tax on an exempt line is also a 6.00 accumulated difference")])
rule("CAL-15","An invoice declares its totals.",[
 case("fail","person",setp(["totals"],DEL),bad(f("CAL-15","totals")))])
rule("MDL-01","Unknown fields are reported (typos), with their path.",[
 case("fail","person",lambda inv: inv["lines"][0].update(amout="1.00"),bad(f("MDL-01","lines[0].amout")))])
rule("MDL-02","Dates are real YYYY-MM-DD dates.",[
 case("fail","person",setp(["issue_date"],"2024-02-30"),bad(f("MDL-02","issue_date"))),
 case("fail-slashes","person",setp(["issue_date"],"2024/11/18"),bad(f("MDL-02","issue_date")))])
rule("MDL-03","Times are real HH:MM:SS times.",[
 case("pass","person",setp(["issue_time"],"14:30:00")),
 case("fail","person",setp(["issue_time"],"25:00:00"),bad(f("MDL-03","issue_time")))])
rule("INP-01","A float is refused where money is expected: floats are not money.",[
 case("fail","person",lambda inv: inv["lines"][0].update(amount=100.5),bad(f("INP-01","lines[0].amount")))])
rule("INP-02","Values of the wrong type are reported with their path.",[
 case("fail-seller-string","person",setp(["seller"],"上海七牛"),bad(f("INP-02","seller")))])
rule("INP-04","Missing required values are reported with their path; every problem at once.",[
 case("fail-two-missing","person",chain(setp(["buyer"],DEL),setp(["number"],DEL)),bad(f("INP-04","number"),f("INP-04","buyer")))])
rule("INP-05","Unknown option values are reported with their path.",[
 case("fail-kind","person",setp(["kind"],"vat_special"),bad(f("INP-05","kind")))])
rule("MNY-02","Money with more than 2 decimals is refused at its path.",[
 case("fail","person",lambda inv: inv["lines"][0].update(amount="100.005"),bad(f("MNY-02","lines[0].amount")))])

# Pass cases next to the failing ones: the nearest valid variant of what each rule checks.
def add_pass(code, c):
    rules[code][1].insert(0, c)
DISC_OK=chain(setp(["lines"],[pl(nature="discounted"),disc("-10.00","-0.60")]),tot("90.00","5.40","95.40","玖拾伍圆肆角整"))
add_pass("LIN-07", case("pass-negative-on-blue","person",DISC_OK))
add_pass("LIN-08", case("pass-same-rate","person",DISC_OK))
add_pass("LIN-09", case("pass-half-discount","person",chain(setp(["lines"],[pl(nature="discounted"),disc("-50.00","-3.00")]),tot("50.00","3.00","53.00","伍拾叁圆整"))))
add_pass("LIN-09", case("pass-full-discount","person",chain(setp(["lines"],[pl(nature="discounted"),disc("-100.00","-6.00")]),tot("0.00","0.00","0.00","零圆整")),bad(f("RED-01","totals.total")),comment="a discount equal to the discounted amount is allowed by LIN-09 (only the zero total is reported)"))
add_pass("LIN-10", case("pass-bare-discount","person",DISC_OK))
add_pass("LIN-11", case("pass","person"))
add_pass("LIN-13", case("pass-both","special"))
add_pass("LIN-14", case("pass-followed","person",DISC_OK))
add_pass("RED-03", case("pass","red"))
add_pass("RED-07", case("pass","red"))
add_pass("SPC-02", case("pass-with-permit","person",setp(["special"],dict(CON,cross_region=True,cross_region_permit="沪跨报验〔2024〕001号"))))
add_pass("CAL-01", case("pass-quantity-and-price","person",setp(["lines"],[pl(quantity="4",unit_price="25")])))
for code in ["CAL-05","CAL-06","CAL-07","CAL-13","CAL-15"]:
    add_pass(code, case("pass","person"))
add_pass("CAL-09", case("pass-traditional-form","person",setp(["totals","total_in_words"],"壹佰零陆元整"),bad(STYLE),comment="元: readable; the style differs (WRD-17 warning)"))
add_pass("CAL-11", case("pass-one-line","person",chain(ded,setp(["remarks"],"差额征税: 50.00。"))))
add_pass("CAL-12", case("pass-equal-to-amount","person",chain(setp(["deduction"],"100.00"),setp(["remarks"],"差额征税"),setp(["lines"],[pl(tax="0.00")]),tot("100.00","0.00","100.00","壹佰圆整"))))
for code in ["MDL-02","MDL-01","INP-01","INP-02","INP-04","INP-05","MNY-02"]:
    add_pass(code, case("pass","person"))


# Real files (issue 12): what a source does not carry, refund lines, exemption marks, 差额征税
# with a rate printed ***, long unit prices. Each case names the file shape it stands for.
def add_case(code, c):
    rules[code][1].append(c)
def exempt_e_invoice():
    return {"kind":"electronic_ordinary","code":"031002100411","number":"25096213","issue_date":"2021-09-03",
     "seller":{"name":"上海某某便利店","tax_id":"91310115768225450T"},
     "buyer":{"name":"个人","type":"natural_person"},
     "lines":[{"name":"*食品*饼干","quantity":"2","unit_price":"60","amount":"120.00","rate":"免税","tax":"***"}],
     "totals":{"amount":"120.00","tax":"***","total":"120.00","total_in_words":"壹佰贰拾圆整"},
     "check_code":"11631437361999467829"}
def deduction_e_invoice():
    return {"kind":"electronic_ordinary","code":"031002100411","number":"25096214","issue_date":"2021-09-03",
     "seller":{"name":"上海某某人力资源有限公司","tax_id":"91310115768225450T"},
     "buyer":{"name":"北京某某科技有限公司","tax_id":"91110108MA01ABCD5T"},
     "lines":[{"name":"*人力资源服务*劳务派遣服务","amount":"1002.38","rate":"***","tax":"47.62"}],
     "totals":{"amount":"1002.38","tax":"47.62","total":"1050.00","total_in_words":"壹仟零伍拾圆整"},
     "remarks":"差额征税：50.00。","check_code":"11631437361999467829"}
BASES["exempt"]=exempt_e_invoice; AS_OF["exempt"]="2021-10-01"
BASES["deduction"]=deduction_e_invoice; AS_OF["deduction"]="2021-10-01"
NC=lambda *names: {"not_carried":list(names)}
add_case("LIN-02", case("pass-not-carried","exempt",comment="a legacy e-invoice file carries no tax classification codes (not_carried tax_codes): their absence is not a finding",ctx=NC("tax_codes")))
add_case("LIN-02", case("fail-missing-when-carried","exempt",expected=bad(f("LIN-02","lines[0].tax_code")),comment="the same invoice from a source that carries the codes"))
add_case("LIN-02", case("fail-malformed-though-not-carried","exempt",lambda inv: inv["lines"][0].update(tax_code="10301"),bad(f("LIN-02","lines[0].tax_code")),ctx=NC("tax_codes"),comment="a code the source did carry is judged"))
add_case("HDR-01", case("pass-not-carried","special",setp(["code"],DEL),ctx=NC("code")))
add_case("PTY-03", case("pass-not-carried","special",setp(["buyer","tax_id"],DEL),ctx=NC("buyer_tax_id")))
add_case("PTY-03", case("pass-kind-not-carried","special",setp(["buyer","tax_id"],DEL),ctx=NC("kind"),expected=bad(f("PTY-04","buyer.tax_id")),comment="the kind was inferred: the 专票 rule is not applied, the rule for every enterprise buyer is"))
add_case("PTY-04", case("pass-not-carried","ordinary_paper",setp(["buyer","tax_id"],DEL),ctx=NC("buyer_tax_id")))
add_case("PTY-05", case("pass-not-carried","special",setp(["buyer","address"],DEL),ctx=NC("buyer_contact")))
add_case("PTY-05", case("pass-digital-special","person",chain(setp(["kind"],"digital_special"),setp(["buyer"],{"name":"北京某某科技有限公司","tax_id":"91110108MA01ABCD5T"})),comment="a 数电专票 without the buyer's address, phone, bank and account (real samples leave them empty; 国家税务总局公告2024年第11号 makes them optional)"))
add_case("PTY-06", case("pass-not-carried","special",setp(["buyer","account"],DEL),ctx=NC("buyer_contact")))
add_case("PTY-07", case("pass-kind-not-carried","special",setp(["buyer","type"],"natural_person"),ctx=NC("kind")))
add_case("LIN-01", case("pass-not-carried","person",setp(["lines"],[]),ctx=NC("lines"),comment="an accounting XBRL carries no lines: no LIN-01, and the totals are not summed from lines"))
add_case("LIN-04", case("pass-kind-not-carried","special",sp_exempt,ctx=NC("kind")))
add_case("SPC-05", case("pass-not-carried","person",ded,ctx=NC("remarks")))
add_case("RED-08", case("pass-not-carried","ordinary_paper",op_red,ctx=NC("remarks")))
# Refund line on a blue ride-hailing invoice (formats.md §1: Amount -1.94, ComTaxAm -0.06).
def ride(inv):
    inv["lines"]=[pl(name="*运输服务*客运服务费",amount="50.00",rate="3%",tax="1.50"),
                  pl(name="*运输服务*客运服务费",amount="-1.94",rate="3%",tax="-0.06")]
    inv["totals"]={"amount":"48.06","tax":"1.44","total":"49.50"}
add_case("RED-01", case("pass-refund-line","person",ride,comment="a blue ride-hailing invoice with a refund line: 50.00 + 1.50 and -1.94 - 0.06, totals net 48.06 + 1.44 = 49.50"))
# 免税: rate 免税, tax *** (line and total) reads as 0.00 (formats.md §3).
add_case("CAL-14", case("pass-exempt-marks","exempt",ctx=NC("tax_codes"),comment="a legacy 免税 e-invoice: rate 免税, line tax *** and total tax *** read as 0.00"))
add_case("CAL-14", case("pass-rate-and-tax-stars","exempt",lambda inv: inv["lines"][0].update(rate="***"),ctx=NC("tax_codes"),comment="rate and tax both printed *** : the line is exempt"))
add_case("CAL-14", case("fail-exempt-total-tax-with-tax","exempt",lambda inv: inv["lines"][0].update(tax="3.60"),bad(f("CAL-14","lines[0].tax"),f("CAL-03","lines[0].tax"),f("CAL-04","totals.tax"),f("CAL-06","totals.tax")),ctx=NC("tax_codes"),comment="an exempt line with 3.60 of tax while the total tax is ***"))
# 差额征税 with the rate printed *** and the deduction only in the remarks (formats.md §3).
rule("LIN-15","A rate printed *** (差额征税) is the rate in force that gives the printed tax from the amount less the deduction (formats.md §3, domain.md §6.3).",[
 case("pass-deduction-in-remarks","deduction",ctx=NC("tax_codes"),comment="1002.38 + 47.62 = 1050.00: 5 % on (1050.00 - 50.00) / 1.05; the deduction 50.00 read from 差额征税：50.00。"),
 case("pass-deduction-field","deduction",setp(["deduction"],"50.00"),ctx=NC("tax_codes")),
 case("pass-half-width-colon","deduction",setp(["remarks"],"差额征税:50.00"),ctx=NC("tax_codes")),
 case("pass-rate-stars-tax-zero","exempt",lambda inv: inv["lines"][0].update(rate="***",tax="0.00"),ctx=NC("tax_codes"),comment="a rate printed *** with a tax of 0.00 and no deduction: exempt, not an unfitting rate"),
 case("pass-deduction-label-and-yuan","deduction",setp(["remarks"],"差额征税，扣除额50.00元"),ctx=NC("tax_codes")),
 case("fail-no-rate-fits","deduction",chain(lambda inv: inv["lines"][0].update(tax="147.62",amount="902.38"),tot("902.38","147.62","1050.00","壹仟零伍拾圆整")),bad(f("LIN-15","lines[0].rate")),ctx=NC("tax_codes"),comment="147.62 on 852.38 is 17.3 %: no rate in force"),
 case("fail-no-deduction","deduction",setp(["remarks"],DEL),bad(f("LIN-15","lines[0].rate")),ctx=NC("tax_codes"),comment="without the deduction 47.62 on 1002.38 is 4.75 %: no rate fits within 0.06"),
])
# 数电 unit prices with 11+ decimals (formats.md §1).
LONG_TOT=setp(["totals"],{"amount":"98.77","tax":"5.93","total":"104.70"})
add_case("CAL-02", case("pass-long-price","person",chain(setp(["lines"],[pl(quantity="1",unit_price="98.76543207547",amount="98.77",tax="5.93")]),LONG_TOT),comment="a 数电 unit price with 11 decimals"))
add_case("CAL-02", case("fail-long-price","person",chain(setp(["lines"],[pl(quantity="2",unit_price="98.76543207547",amount="98.77",tax="5.93")]),LONG_TOT),bad(f("CAL-02","lines[0].amount")),comment="2 × 98.76543207547 = 197.53 against 98.77"))
# The 2020–2022 small-scale relief rates by date and province (tax/rates.rs, docs/domain-notes.md).
def one_pct(day, code=None):
    def m(inv):
        inv["issue_date"]=day
        if code: inv["code"]=code
        inv["lines"][0].update(rate="1%",tax="1.20")
        inv["totals"]={"amount":"120.00","tax":"1.20","total":"121.20"}
    return m
SMALL={"seller_category":"small_scale","not_carried":["tax_codes"]}
add_case("LIN-03", case("pass-2020-small-scale-1pct","exempt",one_pct("2020-07-01"),ctx=dict(SMALL,as_of="2021-10-01"),comment="上海 (code 0310…), 2020: 3 % reduced to 1 % outside 湖北 (财政部 税务总局公告2020年第13号, 第24号)"))
add_case("LIN-03", case("fail-2020-hubei-1pct","exempt",one_pct("2020-07-01","042002000111"),bad(f("LIN-03","lines[0].rate")),ctx=dict(SMALL,as_of="2021-10-01"),comment="湖北 (code 0420…) was exempt in 2020, not at 1 % (2020年第13号)"))
add_case("LIN-03", case("pass-2021-hubei-1pct","exempt",one_pct("2021-06-01","042002100111"),ctx=dict(SMALL,as_of="2021-10-01"),comment="湖北 from 2021-04-01: 1 % (财政部 税务总局公告2021年第7号)"))
add_case("LIN-03", case("fail-2021-shanghai-1pct","exempt",one_pct("2021-06-01"),bad(f("LIN-03","lines[0].rate")),ctx=dict(SMALL,as_of="2021-10-01"),comment="outside 湖北 the 1 % ended on 2021-03-31 (2021年第7号)"))
add_case("LIN-03", case("fail-2022-exempt-period-1pct","exempt",one_pct("2022-06-01","031002200111"),bad(f("LIN-03","lines[0].rate")),ctx=dict(SMALL,as_of="2022-10-01"),comment="2022-04-01 … 2022-12-31: 3 % sales exempt, no 1 % rate (财政部 税务总局公告2022年第15号)"))
# Issue 15: a kind whose own code structure is unpublished (motor vehicle, used car) still
# contradicts a code that names another VAT kind.
for kind in ["used_car","motor_vehicle","digital_paper_used_car","digital_paper_motor_vehicle"]:
    add_case("HDR-04", case(f"fail-special-code-on-{kind.replace('_','-')}","special",setp(["kind"],kind),bad(f("HDR-04","code")),comment=f"a {kind} invoice with the 专票 code 4403183130 (its kind digit names 专票)"))
add_case("HDR-04", case("pass-local-code-on-used-car","special",chain(setp(["kind"],"used_car"),setp(["code"],"144002288010")),comment="a local 12-digit code names no kind: it may be a used-car invoice's"))
