"""Differential tests against python-stdnum and cn2an (issue 15, item 6).

The same seeded inputs go to invoice_core and to a peer; every disagreement must fall into one of
the documented classes below (each says who is right and why), or the test fails. The classes,
their counts and the peers' own bugs are in docs/comparison.md.

Peers (test-only, pinned in scripts/test-python.sh): python-stdnum 2.2 (``stdnum.cn.uscc``,
``stdnum.cn.ric``), cn2an 0.5.24 (``an2cn(x, "rmb")``, ``cn2an(words, "normal" | "smart")``).

A class is a predicate over the input and both outcomes that the test computes on its own (with
its own GB 32100 / GB 11714 / GB 11643 arithmetic below, not the library's), so a bug in the
library does not hide behind a class: a wrong check character shows up as an unclassified
disagreement.
"""

import datetime
import random
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Callable, List, Optional, Sequence, Tuple

import cn2an  # type: ignore[import-not-found]
from stdnum.cn import ric as stdnum_ric  # type: ignore[import-not-found]
from stdnum.cn import uscc as stdnum_uscc  # type: ignore[import-not-found]
from stdnum.exceptions import ValidationError  # type: ignore[import-not-found]

import invoice_core as ic
from invoice_core import InvoiceError

SEED = 20261207
N = 3000  # inputs per peer and operation; the whole file runs in a few seconds


# -- what each side says -------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """An answer: ``value`` when accepted, else ``error`` (our code or the peer's exception)."""

    value: object = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None


def ours_id(validate: Callable[[str], str], s: str) -> Outcome:
    try:
        return Outcome(value=validate(s))
    except InvoiceError as e:
        return Outcome(error=e.code)


def peer_id(validate: Callable[[str], str], s: str) -> Outcome:
    try:
        return Outcome(value=validate(s))
    except ValidationError as e:
        return Outcome(error=type(e).__name__)
    except Exception as e:  # noqa: BLE001 - a peer crash is a finding, recorded by its type
        return Outcome(error="raised " + type(e).__name__)


@dataclass(frozen=True)
class Class:
    """A documented kind of disagreement."""

    name: str
    right: str  # "ours", "peer", "both" (a choice either side may make)
    why: str
    applies: Callable[..., bool]


def classify(classes: Sequence[Class], *args: object) -> Optional[str]:
    for c in classes:
        if c.applies(*args):
            return c.name
    return None


def agree(a: Outcome, b: Outcome) -> bool:
    return a.ok == b.ok and (not a.ok or a.value == b.value)


SEPARATORS = "separators or full-width characters"


def judge(
    classes: Sequence[Class], s: str, o: Outcome, p: Outcome, ours: Callable[[str], Outcome],
    peer: Callable[[str], Outcome],
) -> Optional[str]:
    """The class of a disagreement on ``s``. Text with something to normalise is judged on its
    folded form: when the peer agrees there, the class is the normalisation; otherwise what is
    left is classified (and our answer must not change with folding)."""
    if not is_plain(s):
        f = fold(s)
        of, pf = ours(f), peer(f)
        if not agree(of, o):
            return None
        if agree(o, pf):
            return SEPARATORS
        if not is_plain(f):
            return classify(classes, s, o, p)
        return classify(classes, f, o, pf)
    return classify(classes, s, o, p)


def report(title: str, counts: Counter, unknown: List[str]) -> str:
    lines = [f"{title}: {sum(counts.values())} disagreements"]
    lines += [f"  {n:5d}  {name}" for name, n in sorted(counts.items())]
    if unknown:
        lines.append(f"  {len(unknown)} outside every class, e.g.:")
        lines += [f"    {u}" for u in unknown[:15]]
    return "\n".join(lines)


# -- the test's own arithmetic (GB 32100, GB 11714, GB 11643) --------------------------------------

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
RIC_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]


def uscc_check(body17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_value(c: str) -> int:
    # GB 11714: digits are themselves, letters A=10 … Z=35 (so M is 22, unlike the USCC alphabet).
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def org_check(body8: str) -> str:
    c = 11 - sum(org_value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def ric_check(body17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, RIC_WEIGHTS)) % 11]


# Characters either side folds or drops before judging an identifier: whitespace, dash-like
# characters (python-stdnum's map and ours), full-width ASCII.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u058a\u05be\u00af\u203e"


def fold(s: str) -> str:
    out = []
    for c in s:
        if "\uff01" <= c <= "\uff5e":
            c = chr(ord(c) - 0xFEE0)
        if c.isspace() or c in DASHES:
            continue
        out.append(c.upper() if c.isascii() else c)
    return "".join(out)


def is_plain(s: str) -> bool:
    """Nothing for either side to normalise (ASCII letters and digits, upper case)."""
    return all(c.isascii() and (c.isdigit() or c.isupper()) for c in s)


# -- USCC (GB 32100-2015) against stdnum.cn.uscc ------------------------------------------------------

AUTHORITIES = ["11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1", "A1", "N1", "N2", "31", "81"]


def random_uscc(rng: random.Random) -> str:
    head = rng.choice(AUTHORITIES) if rng.random() < 0.8 else "".join(rng.choices(USCC_ALPHABET, k=2))
    region = f"{rng.randrange(11, 66):02d}{rng.randrange(0, 10000):04d}"
    org = "".join(rng.choices("0123456789ABCDEFGHJKLMNPQRTUWXY", k=8))
    org += org_check(org)
    body = head + region + org
    return body + uscc_check(body)


def mutate_id(rng: random.Random, s: str, pool: str) -> str:
    i = rng.randrange(len(s))
    kind = rng.randrange(9)
    if kind == 0:  # one character replaced
        return s[:i] + rng.choice(pool) + s[i + 1 :]
    if kind == 1 and i + 1 < len(s):  # two neighbours swapped
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if kind == 2:  # one dropped
        return s[:i] + s[i + 1 :]
    if kind == 3:  # one inserted
        return s[:i] + rng.choice(pool) + s[i:]
    if kind == 4:  # lower case
        return s.lower()
    if kind == 5:  # separators as printed or pasted
        sep = rng.choice([" ", "-", "\u3000", "\t", "\u00a0", "\u2013", "\uff0d", "\n"])
        return s[:i] + sep + s[i:]
    if kind == 6:  # full width
        return "".join(chr(ord(c) + 0xFEE0) if rng.random() < 0.5 else c for c in s)
    if kind == 7:  # surrounding whitespace
        return f" {s}\n"
    digits = [j for j, c in enumerate(s) if c.isdigit() and c.isascii()]
    if digits:  # a typeset digit of the same value (MATHEMATICAL SANS-SERIF BOLD)
        j = rng.choice(digits)
        return s[:j] + chr(0x1D7EC + int(s[j])) + s[j + 1 :]
    return s


USCC_POOL = USCC_ALPHABET + "IOSVZ" + "ab" + "\uff11" + "\U0001d7ec" + "*"


def uscc_inputs() -> List[str]:
    rng = random.Random(SEED)
    out = ["91350100M000100Y43"]  # GB 32100 Appendix B
    while len(out) < N:
        s = random_uscc(rng)
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            s = mutate_id(rng, s, USCC_POOL)
        out.append(s)
    return out


def uscc_reference(s: str) -> Tuple[bool, str]:
    """(valid by GB 32100 incl. its GB 11714 part, the folded form)."""
    f = fold(s)
    if len(f) != 18 or any(c not in USCC_ALPHABET for c in f) or not f[2:8].isdigit():
        return False, f
    if org_check(f[8:16]) != f[16] or uscc_check(f[:17]) != f[17]:
        return False, f
    return True, f


USCC_CLASSES = [
    Class(
        "uscc: letters in positions 1-2 (authority, category)",
        "ours",
        "GB 32100-2015 §4.1: positions 1 and 2 are digits or upper-case letters (Table 2 lists "
        "authority Y, 其他; later designations add letters). stdnum requires 8 digits.",
        lambda s, o, p: o.ok and p.error == "InvalidFormat" and uscc_reference(s)[0]
        and not uscc_reference(s)[1][:2].isdigit(),
    ),
    Class(
        "uscc: the embedded organisation code fails GB 11714",
        "ours",
        "GB 32100-2015 §4.2.4: positions 9-17 are the 主体标识码, a GB 11714 organisation code "
        "with its own MOD 11 check (ID-05). stdnum checks only the MOD 31 character.",
        lambda s, o, p: o.error == "ID-05" and p.ok and org_check(fold(s)[8:16]) != fold(s)[16],
    ),
    Class(
        "uscc: stdnum folds mathematical digits (U+1D7EC…)",
        "ours",
        "GB 32100 codes are ASCII; stdnum maps MATHEMATICAL SANS-SERIF BOLD digits to 0-9, we "
        "refuse them with ID-02 (a typeset digit is no keyboard input).",
        lambda s, o, p: o.error in ("ID-02", "ID-01") and p.ok and any("\U0001d7ec" <= c <= "\U0001d7ff" for c in s),
    ),
]


def compare_ids(title: str, classes: Sequence[Class], inputs: List[str],
                ours: Callable[[str], str], peer: Callable[[str], str]) -> None:
    """Every input through both validators; each disagreement must fall in a known class."""
    counts: Counter = Counter()
    unknown: List[str] = []
    for s in inputs:
        o, p = ours_id(ours, s), peer_id(peer, s)
        if agree(o, p):
            continue
        name = judge(classes, s, o, p, lambda t: ours_id(ours, t), lambda t: peer_id(peer, t))
        if name is None:
            unknown.append(f"{s!r}: ours {o}, stdnum {p}")
        else:
            counts[name] += 1
    text = report(f"{title}, {len(inputs)} inputs", counts, unknown)
    print(text)
    assert not unknown, text


def test_uscc_against_stdnum() -> None:
    inputs = uscc_inputs()
    assert len(inputs) == N
    compare_ids("USCC", USCC_CLASSES, inputs, ic.uscc.validate, stdnum_uscc.validate)


# -- resident ids (GB 11643-1999) against stdnum.cn.ric ------------------------------------------------

MAINLAND = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
            52, 53, 54, 61, 62, 63, 64, 65]
# Area codes python-stdnum knows (real counties, with and without validity years) and some it
# does not; the province decides for us.
AREAS = ["110105", "110101", "310104", "440305", "510108", "500101", "469001", "460300", "419001",
         "110000", "110100", "430602", "650102", "210114", "340104"]


def random_area(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return rng.choice(AREAS)
    if r < 0.7:  # a mainland province with any county part
        return f"{rng.choice(MAINLAND):02d}{rng.randrange(0, 10000):04d}"
    if r < 0.85:  # Taiwan, Hong Kong, Macao, residence permits, the 2023 permanent residence card
        return rng.choice(["710000", "810000", "820000", "830000", f"9{rng.choice(MAINLAND):02d}{rng.randrange(100, 999)}"[:6]])
    return f"{rng.randrange(0, 100):02d}{rng.randrange(0, 10000):04d}"  # anything


def random_ric(rng: random.Random) -> str:
    area = random_area(rng)
    year = rng.choice([rng.randrange(1900, 2026), rng.randrange(1900, 2026), rng.randrange(1750, 2100)])
    month = rng.randrange(1, 13) if rng.random() < 0.95 else rng.randrange(0, 20)
    day = rng.randrange(1, 29) if rng.random() < 0.85 else rng.randrange(0, 33)
    seq = f"{rng.randrange(0, 1000):03d}"
    if rng.random() < 0.1 and int(area[:2]) in MAINLAND and 1900 <= year < 2000:  # first generation
        return f"{area}{year % 100:02d}{month:02d}{day:02d}{seq}"
    body = f"{area}{year:04d}{month:02d}{day:02d}{seq}"
    return body + ric_check(body)


def ric_inputs() -> List[str]:
    rng = random.Random(SEED + 1)
    out = ["11010519491231002X", "440524188001010014"]  # GB 11643-1999 Appendix A
    while len(out) < N:
        s = random_ric(rng)
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            s = mutate_id(rng, s, "0123456789Xx" + "\uff10" + "\U0001d7ec")
        out.append(s)
    return out


def ric_reference(s: str) -> bool:
    """GB 11643 as we read it: length, digits, a real date from 1800 on, the check; the province
    (or the special prefixes of docs/domain-notes.md) is judged by the classes."""
    f = fold(s)
    if len(f) == 18 and f[:17].isdigit() and f[17] in "0123456789X":
        y, m, d = int(f[6:10]), int(f[10:12]), int(f[12:14])
        body, check = f[:17], f[17]
    elif len(f) == 15 and f.isdigit():
        y, m, d = 1900 + int(f[6:8]), int(f[8:10]), int(f[10:12])
        body, check = "", ""
    else:
        return False
    try:
        if datetime.date(y, m, d) < datetime.date(1800, 1, 1):
            return False
    except ValueError:
        return False
    return not body or ric_check(body) == check


def peer_county_refused(s: str) -> bool:
    """stdnum.cn.ric refuses the area code for the birth year (InvalidComponent from its place
    lookup), or crashes there."""
    try:
        stdnum_ric.get_birth_place(fold(s))
        return False
    except ValidationError:
        return True
    except Exception:  # noqa: BLE001 - the KeyError class below
        return True


def special_prefix(f: str) -> bool:
    return f[:2] in ("71", "81", "82", "83") or (f[:1] == "9" and f[1:3].isdigit() and int(f[1:3]) in MAINLAND)


RIC_CLASSES = [
    Class(
        "ric: python-stdnum raises KeyError (province known, county not)",
        "ours",
        "A peer bug: stdnum.cn.ric.get_birth_place indexes info['county'] when its table has the "
        "province but not the county, so is_valid()/validate() raise KeyError instead of "
        "answering. GB 11643 makes such a number invalid only if the county code never existed; "
        "we do not judge the county (docs/domain-notes.md).",
        lambda s, o, p: p.error == "raised KeyError",
    ),
    Class(
        "ric: 15-digit first-generation number",
        "both",
        "GB 11643-1999 defines 18 characters; the 15-digit form of first-generation cards (GB 11643-1989) "
        "is accepted by our validate (and upgraded by to_18) for old records; stdnum knows 18 only.",
        lambda s, o, p: o.ok and p.error == "InvalidLength" and len(fold(s)) == 15 and ric_reference(s),
    ),
    Class(
        "ric: Taiwan, Hong Kong/Macao/Taiwan residence permit or 2023 permanent residence card prefix",
        "ours",
        "71 (GB/T 2260 台湾省), 81/82/83 (国办发〔2018〕81号 第三条, 810000/820000/830000) and 9 + the "
        "accepting province (2023 外国人永久居留身份证) are valid prefixes (docs/domain-notes.md); stdnum's "
        "county table has no such entry or dates 81/82 from 1997/1999 (the return), which it "
        "compares with the birth year.",
        lambda s, o, p: o.ok and p.error == "InvalidComponent" and special_prefix(fold(s)) and ric_reference(s),
    ),
    Class(
        "ric: county code unknown to stdnum, or not in force in the birth year",
        "both",
        "We judge the province only (county codes change every year and numbers keep retired "
        "ones; GB 11643 §5.1: the address code is the county of registration when the number "
        "was assigned, not of birth). stdnum looks the 6 digits up in its own table and requires "
        "the county to exist in the birth year, which also refuses real numbers assigned after a "
        "county was created (e.g. 50xxxx 重庆, in force from 1997, for someone born before).",
        lambda s, o, p: o.ok and p.error == "InvalidComponent" and int(fold(s)[:2]) in MAINLAND
        and ric_reference(s) and peer_county_refused(s),
    ),
    Class(
        "ric: birth year before 1800",
        "both",
        "GB 11643 sets no lower bound; we refuse dates before 1800-01-01 (ID-13: the standard's own "
        "example is born 1880; older is a typo), stdnum accepts any date its county check lets through.",
        lambda s, o, p: o.error == "ID-13" and p.ok and int(fold(s)[6:10]) < 1800,
    ),
    Class(
        "ric: stdnum folds mathematical digits (U+1D7EC…)",
        "ours",
        "As for the USCC: a typeset digit is refused (ID-12/ID-11), stdnum maps it to 0-9.",
        lambda s, o, p: not o.ok and p.ok and any("\U0001d7ec" <= c <= "\U0001d7ff" for c in s),
    ),
]


def test_resident_id_against_stdnum() -> None:
    compare_ids("resident ids", RIC_CLASSES, ric_inputs(), ic.ric.validate, stdnum_ric.validate)


# -- 大写 amounts against cn2an ---------------------------------------------------------------------

CENT = Decimal("0.01")


def random_amount(rng: random.Random, decimals: int = 2) -> Decimal:
    digits = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16])
    r = rng.random()
    if r < 0.4:  # sparse: many zero digits, the interesting case for 零
        n = "".join(rng.choice("0000001234567890") for _ in range(digits)).lstrip("0") or "0"
    else:
        n = str(rng.randrange(10 ** (digits - 1), 10**digits))
    frac = "".join(rng.choice("0123456789" if rng.random() < 0.6 else "05") for _ in range(decimals))
    value = Decimal(f"{n}.{frac}") if decimals else Decimal(n)
    return -value if rng.random() < 0.05 else value


def amounts(seed: int, decimals: int = 2) -> List[Decimal]:
    rng = random.Random(seed)
    fixed = [Decimal(x) for x in ["107000.53", "1680.32", "16409.02", "325.04", "1409.50", "6007.14",
                                  "0.05", "0.50", "10.50", "100000000.01", "0", "-500", "3550.70"]]
    return fixed + [random_amount(rng, decimals) for _ in range(N - len(fixed))]


# How a form written by cn2an differs from the invoice style, with the PBoC verdict (支付结算办法
# 附一 「正确填写票据和结算凭证的基本规定」; 会计基础工作规范 第五十二条). A kind our lenient reader reports
# that is not listed here fails the test.
STYLE_KINDS = {
    "yuan_unit": "元 for 圆: PBoC's and the accounting rules' own unit",
    "optional_zero_omitted": "零 dropped before 角 or after a 0 元 digit: PBoC rule 五(4) allows it (¥1680.32)",
    "group_zero_omitted": "零 dropped after a 0 万/亿 digit before a 仟: PBoC rule 五(3) allows it (¥107000.53)",
    "whole_after_jiao_missing": "no 整 after 角: PBoC allows it (¥1409.50 壹仟肆佰零玖元伍角)",
    "negative_label": "负 for （负数）: a negative label of its own",
    "whole_missing": "no 整 after 元: against PBoC rule 二 (到元为止的应写整)",
}
# Which of those the strict reader refuses, and with which code: the strict mode keeps the
# invoice rules (group_zero_omitted and whole_missing are read leniently only).
STRICT_REFUSES = {"group_zero_omitted": "WRD-07", "whole_missing": "WRD-10"}


def ours_words(text: str, mode: str = "lenient") -> Outcome:
    try:
        r = ic.read_words(text, mode)
        return Outcome(value=r)
    except InvoiceError as e:
        return Outcome(error=e.code)


AN2CN_CLASSES = [
    Class(
        "an2cn: a third decimal truncated, not rounded",
        "ours",
        "A peer bug for money: an2cn(x, 'rmb') drops the third decimal (1.235 → 壹元贰角叁分); "
        "amounts are rounded half up (四舍五入) to 分 before they are written. Our amount_in_words "
        "refuses it (MNY-02) unless excess='round' or 'truncate' is asked for.",
        lambda x, read, mine: read == x.quantize(CENT, ROUND_DOWN) and mine == x.quantize(CENT, ROUND_HALF_UP)
        and read != mine,
    ),
]


def test_an2cn_rmb_reads_back() -> None:
    """cn2an writes, we read (lenient): the value must be the amount; style differences are classed."""
    value_counts: Counter = Counter()
    styles: Counter = Counter()
    strict: Counter = Counter()
    unknown: List[str] = []
    xs = amounts(SEED + 2) + amounts(SEED + 3, decimals=3)[: N // 3]
    for x in xs:
        text = cn2an.an2cn(str(x), "rmb")
        o = ours_words(text)
        mine = x.quantize(CENT, ROUND_HALF_UP)
        if not o.ok:
            unknown.append(f"{x}: cn2an {text!r}, we refuse {o.error}")
            continue
        read = o.value["amount"]  # type: ignore[index]
        if read != mine:
            name = classify(AN2CN_CLASSES, x, read, mine)
            if name is None:
                unknown.append(f"{x}: cn2an {text!r} reads {read}, expected {mine}")
            else:
                value_counts[name] += 1
        kinds = sorted({d["kind"] for d in o.value["deviations"]})  # type: ignore[index]
        for k in kinds:
            styles[k] += 1
            if k not in STYLE_KINDS:
                unknown.append(f"{x}: cn2an {text!r}: unexplained style difference {k}")
        s = ours_words(text, "strict")
        expected = sorted({STRICT_REFUSES[k] for k in kinds if k in STRICT_REFUSES})
        if s.ok != (not expected) or (not s.ok and s.error not in expected):
            unknown.append(f"{x}: cn2an {text!r}: strict {s}, expected {expected or 'accepted'}")
        strict["accepted" if s.ok else s.error] += 1
    text = "\n".join([
        report(f"an2cn(x, 'rmb'), {len(xs)} amounts, values", value_counts, unknown),
        "  style (texts with each difference): " + ", ".join(f"{k} {n}" for k, n in sorted(styles.items())),
        "  strict reader: " + ", ".join(f"{k} {n}" for k, n in sorted(strict.items())),
    ])
    print(text)
    assert not unknown, text


def has(text: str, *parts: str) -> bool:
    return any(p in text for p in parts)


def cn2an_value(text: str, mode: str) -> Outcome:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = cn2an.cn2an(text, mode)
        return Outcome(value=v)
    except ValueError:
        return Outcome(error="ValueError")
    except Exception as e:  # noqa: BLE001 - a crash is a finding
        return Outcome(error="raised " + type(e).__name__)


def yi_gap(x: Decimal) -> bool:
    """At least 亿, the 万 group 0 and the 仟 digit not: 零 optional after 亿 (rule 五(3))."""
    y = int(abs(x))
    return y >= 10**8 and (y // 10**4) % 10**4 == 0 and (y // 1000) % 10 != 0


def sig_digits(x: Decimal) -> int:
    return len(str(abs(x)).replace(".", "").lstrip("0"))


# Why cn2an cannot read a form we write. cn2an reads numbers, and money only as
# `…元X角[Y分]` (its yjf pattern) or `…元整`; each class names the construct it lacks.
CN2AN_READ_CLASSES = [
    Class(
        "cn2an: no 角 digit before 分 (零X分, X分)",
        "ours",
        "PBoC: when 角 is 0 and 分 is not, 元 is followed by 零 (¥16409.02 壹万陆仟肆佰零玖元零贰分; "
        "¥325.04). cn2an reads 分 only after a 角 digit.",
        lambda t, x, o, p: not p.ok and "分" in t and "角" not in t,
    ),
    Class(
        "cn2an: 整/正 after 角",
        "ours",
        "Invoices print 角整 (domain.md §8.2: 壹佰零壹圆伍角整); 会计基础工作规范 第五十二条 asks for "
        "整 after 角. cn2an strips 整 only after 元/圆.",
        lambda t, x, o, p: not p.ok and has(t, "角整", "角正"),
    ),
    Class(
        "cn2an: 零 between 元 and 角",
        "ours",
        "PBoC rule 五(4): ¥1680.32 may be 壹仟陆佰捌拾元零叁角贰分 (and invoices write it, ¥3550.70 "
        "叁仟伍佰伍拾圆零柒角整); cn2an's money pattern wants the 角 digit right after 元.",
        lambda t, x, o, p: not p.ok and has(t, "元零", "圆零") and "角" in t,
    ),
    Class(
        "cn2an: amount under one yuan (X角…, no 元)",
        "ours",
        "PBoC and invoices write 伍角整 / 伍分 for ¥0.50 / ¥0.05; cn2an needs an integer part.",
        lambda t, x, o, p: not p.ok and abs(x) < 1 and x != 0,
    ),
    Class(
        "cn2an: the （负数） / (负数) label",
        "ours",
        "Red invoices print （负数） (数电 XML, domain.md §8.2); cn2an knows only 负.",
        lambda t, x, o, p: not p.ok and has(t, "负数"),
    ),
    Class(
        "cn2an: the 零 dropped after 亿 before a 仟 digit, the 万 group 0",
        "ours",
        "PBoC rule 五(3): when the 万 digit is 0 and the 仟 digit is not, the 零 may be left out "
        "(壹拾陆亿壹仟肆佰元陆角伍分, like ¥107000.53 壹拾万柒仟元伍角叁分). cn2an's grammar wants a "
        "万 group or a 零 after 亿.",
        lambda t, x, o, p: not p.ok and yi_gap(x) and re.search("亿[壹贰叁肆伍陆柒捌玖]仟", t) is not None,
    ),
    Class(
        "cn2an: float result loses cents beyond 15 significant digits",
        "ours",
        "A peer bug for money: cn2an returns a float, so an amount of more than 15 significant "
        "digits comes back off by a few cents or yuan (the float's precision, 2**-52 of the value).",
        lambda t, x, o, p: p.ok and sig_digits(x) > 15
        and abs(Decimal(repr(p.value)) - x) <= abs(x) * Decimal(2) ** -52 + CENT,
    ),
]


def test_cn2an_reads_our_words() -> None:
    """We write (every style and zero option), cn2an reads (normal and smart)."""
    counts: Counter = Counter()
    unknown: List[str] = []
    rng = random.Random(SEED + 4)
    xs = amounts(SEED + 5)
    compared = 0
    for x in xs:
        style = rng.choice(["invoice", "accounting", "pboc"])
        zeros = rng.choice(["all", "one", "none"])
        t = ic.amount_in_words(x, style, zeros=zeros)
        for mode in ("normal", "smart"):
            compared += 1
            p = cn2an_value(t, mode)
            if p.ok and Decimal(repr(p.value)) == x:
                continue
            name = classify(CN2AN_READ_CLASSES, t, x, None, p)
            if name is None:
                unknown.append(f"{x} {style}/{zeros}: {t!r}, cn2an {mode} {p}")
            else:
                counts[name] += 1
    text = report(f"cn2an.cn2an(our words), {compared} readings", counts, unknown)
    print(text)
    assert not unknown, text


UPPER = "零壹贰叁肆伍陆柒捌玖"
LOWER = "〇一二三四五六七八九"
DIGIT_CHARS = UPPER[1:] + LOWER[1:]
UNITS = "拾佰仟十百千万亿元圆角分"


def mutate_words(rng: random.Random, t: str) -> str:
    i = rng.randrange(len(t))
    kind = rng.randrange(8)
    if kind == 0:  # a character dropped
        return t[:i] + t[i + 1 :]
    if kind == 1 and i + 1 < len(t):  # neighbours swapped
        return t[:i] + t[i + 1] + t[i] + t[i + 2 :]
    if kind == 2:  # a character doubled
        return t[:i] + t[i] + t[i:]
    if kind == 3:  # lower-case numerals mixed in
        return "".join(LOWER[UPPER.index(c)] if c in UPPER and rng.random() < 0.5 else c for c in t)
    if kind == 4:  # a 零 dropped
        return t.replace("零", "", 1)
    if kind == 5:  # a 零 inserted
        return t[:i] + "零" + t[i:]
    if kind == 6:
        return t.replace("圆", "元")
    return t[:i] + rng.choice(UPPER[1:]) + t[i + 1 :]  # a digit changed


def read_class_applies(t: str, x: Decimal, p: Outcome) -> bool:
    return any(c.applies(t, x, None, p) for c in CN2AN_READ_CLASSES if "float" not in c.name)


MUTATION_CLASSES = [
    Class(
        "mutated: a form we read leniently that cn2an cannot",
        "ours",
        "Unambiguous text our lenient reader takes with its deviation reported (lower-case numerals, "
        "repeated 零, 零 before 分, …) or one of the money forms above that cn2an lacks.",
        lambda t, o, p: o.ok and not p.ok and (bool(o.value["deviations"]) or read_class_applies(t, o.value["amount"], p)),  # type: ignore[index]
    ),
    Class(
        "mutated: digits without units (陆陆元整 read as 66)",
        "ours",
        "大写 amounts write every digit with its unit (会计基础工作规范 第五十二条, PBoC 附一); cn2an reads "
        "a digit string as a number. We refuse with WRD-05.",
        lambda t, o, p: o.error == "WRD-05" and p.ok and re.search(f"[{DIGIT_CHARS}][零〇{DIGIT_CHARS}]", t) is not None,
    ),
    Class(
        "mutated: a unit without its digit (伍佰拾贰 read as 512)",
        "ours",
        "A digit is missing; cn2an supplies 一. The 大写 style writes 壹拾 in full; which digit was lost "
        "is a guess. We refuse with WRD-06 (the lenient reader takes a bare 十/拾 only where speech "
        "does: at the start or after 零).",
        lambda t, o, p: o.error == "WRD-06" and p.ok
        and re.search(f"(^|[^零〇{DIGIT_CHARS}])[拾佰仟十百千万亿]", t) is not None,
    ),
    Class(
        "mutated: a digit after a gap with no 零 and no unit (陆仟柒圆 read as 6700)",
        "ours",
        "Ambiguous: 6007 by the grammar, 6700 in speech; PBoC rule 五(1) requires the 零. cn2an "
        "reads speech. We refuse with WRD-07.",
        lambda t, o, p: o.error == "WRD-07" and p.ok,
    ),
    Class(
        "mutated: a 零 where no digit is zero (贰万零壹仟 read as 21000+)",
        "ours",
        "零 stands for zero digits (PBoC rule 五); where none is zero the text contradicts itself. "
        "cn2an drops such a 零. We refuse with WRD-08.",
        lambda t, o, p: o.error == "WRD-08" and p.ok and ("零" in t or "〇" in t),
    ),
    Class(
        "mutated: a unit written twice (壹元元整, 零圆圆整)",
        "ours",
        "A doubled unit is a typo; cn2an strips trailing 元 and 圆整 before reading. We refuse with "
        "WRD-04 (order) or WRD-12 (trailing text).",
        lambda t, o, p: o.error in ("WRD-04", "WRD-12") and p.ok and re.search(f"([{UNITS}])\\1", t) is not None,
    ),
    Class(
        "mutated: no 圆/元 (a bare number)",
        "ours",
        "An amount in words ends in 圆/元 (or 角/分); cn2an reads bare numbers. We refuse with WRD-11.",
        lambda t, o, p: o.error == "WRD-11" and p.ok and not has(t, "元", "圆", "角", "分"),
    ),
    Class(
        "mutated: float result loses cents beyond 15 significant digits",
        "ours",
        "As above (cn2an returns a float).",
        lambda t, o, p: o.ok and p.ok and sig_digits(o.value["amount"]) > 15  # type: ignore[index]
        and abs(Decimal(repr(p.value)) - o.value["amount"]) <= abs(o.value["amount"]) * Decimal(2) ** -52 + CENT,  # type: ignore[index]
    ),
]


def test_mutated_words_both_readers() -> None:
    """Edited words (ours and cn2an's) to both readers: same value, or a documented class."""
    counts: Counter = Counter()
    unknown: List[str] = []
    rng = random.Random(SEED + 6)
    for x in amounts(SEED + 7):
        x = abs(x)
        if rng.random() < 0.5:
            x = x.quantize(Decimal(1), ROUND_DOWN)  # whole yuan: the amounts cn2an reads best
        t = ic.amount_in_words(x, rng.choice(["invoice", "pboc"])) if rng.random() < 0.5 else cn2an.an2cn(str(x), "rmb")
        t = mutate_words(rng, t)
        o, p = ours_words(t), cn2an_value(t, "normal")
        if not o.ok and not p.ok:
            continue
        if o.ok and p.ok and Decimal(repr(p.value)) == o.value["amount"]:  # type: ignore[index]
            continue
        name = classify(MUTATION_CLASSES, t, o, p)
        if name is None:
            unknown.append(f"{t!r}: ours {o.value['amount'] if o.ok else o.error}, cn2an {p}")  # type: ignore[index]
        else:
            counts[name] += 1
    text = report(f"mutated words, {N} texts, ours (lenient) vs cn2an normal", counts, unknown)
    print(text)
    assert not unknown, text
