"""Currencies: the signs, prefixes, codes and words that make a figure money, as ISO 4217 codes.

    PREFIX          the regex source for what may stand before an amount: "US$", "$US", "A$", "HK$",
                    "S$", "RM", "Rs", "EUR", "€", "₹" ...; `prefix_code` names its currency
    currency_after  "30 euros", "75 EUR", "5 million Australian dollars", "250 crore rupees"

A hand-written table: news uses a few dozen currencies, and the ambiguous cases are decided here,
in one place. A bare "$" is USD and a bare "¥" is JPY unless the text around it says yuan or
China (then CNY). "Pounds" are sterling only where money is being talked about (see
`pounds_are_money`); otherwise they weigh (lb).
"""
from __future__ import annotations

import re

SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₸": "KZT", "₺": "TRY",
         "₦": "NGN", "₱": "PHP", "₪": "ILS", "฿": "THB", "₴": "UAH", "₫": "VND"}
# Letters glued before "$": US$, A$, HK$ ...; "$US" and "$A" the other way round.
DOLLARS = {"US": "USD", "U.S.": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "CAN": "CAD", "NZ": "NZD",
           "HK": "HKD", "S": "SGD", "SG": "SGD", "NT": "TWD", "R": "BRL", "MX": "MXN", "Mex": "MXN", "J": "JMD", "Z": "ZWL"}
# Letter prefixes used without a sign: "RM9.90", "Rs 500", "Rp 10,000", "KSh 300", "CN¥5", "RMB 5bn"
LETTERS = {"RM": "MYR", "Rs": "INR", "Rs.": "INR", "Rp": "IDR", "KSh": "KES", "Ksh": "KES", "Tk": "BDT", "CN¥": "CNY",
           "RMB¥": "CNY", "JP¥": "JPY", "RMB": "CNY", "Sfr": "CHF", "SFr": "CHF", "Fr.": "CHF"}
# ISO codes written before or after an amount ("EUR80m", "USD 5bn", "75 EUR"). Codes that are also
# common words or names in capitals (PHP, TRY, ALL) are left out.
CODES = frozenset(["USD", "EUR", "GBP", "JPY", "CNY", "INR", "AUD", "CAD", "CHF", "HKD", "SGD", "NZD", "KRW", "RUB", "BRL", "ZAR", "MXN", "SEK", "NOK", "DKK", "PLN", "IDR", "MYR", "THB", "VND", "PKR", "BDT", "NGN", "EGP", "SAR", "AED", "QAR", "KWD", "ILS", "KZT", "UAH", "CZK", "HUF", "RON", "TWD", "ARS", "CLP", "COP", "PEN", "KES", "GHS", "MAD", "LKR", "KGS", "UZS", "IRR"])
WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
         "pounds": "GBP", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
         "rupee": "INR", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "won": "KRW", "pesos": "MXN",
         "reais": "BRL", "rand": "ZAR", "naira": "NGN", "shillings": "KES", "francs": "CHF", "franc": "CHF",
         "kronor": "SEK", "kroner": "NOK", "zloty": "PLN", "zlotys": "PLN", "lira": "TRY", "liras": "TRY", "lire": "ITL",
         "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "dirhams": "AED", "riyals": "SAR",
         "tenge": "KZT", "som": "KGS", "hryvnias": "UAH", "hryvnia": "UAH", "taka": "BDT", "dong": "VND"}
# "Australian dollars", "Swiss francs", "Pakistani rupees": the adjective names the currency.
ADJECTIVES = {("us", "USD"), ("u.s.", "USD"), ("american", "USD"), ("australian", "AUD"), ("canadian", "CAD"),
              ("hong kong", "HKD"), ("singapore", "SGD"), ("singaporean", "SGD"), ("new zealand", "NZD"),
              ("taiwan", "TWD"), ("new taiwan", "TWD"), ("swiss", "CHF"), ("indian", "INR"), ("pakistani", "PKR"),
              ("sri lankan", "LKR"), ("nepalese", "NPR"), ("mexican", "MXN"), ("brazilian", "BRL"), ("chinese", "CNY"),
              ("japanese", "JPY"), ("south african", "ZAR"), ("egyptian", "EGP"), ("turkish", "TRY"),
              ("russian", "RUB"), ("swedish", "SEK"), ("norwegian", "NOK"), ("danish", "DKK"), ("kazakh", "KZT"),
              ("kyrgyz", "KGS"), ("philippine", "PHP"), ("argentine", "ARS"), ("chilean", "CLP"), ("colombian", "COP")}
_ADJ = dict(ADJECTIVES)

_SIGN_CLASS = re.escape("".join(SIGNS))
PREFIX = ("(?-i:" + "|".join([
    *(re.escape(p) + r"\$" for p in sorted(DOLLARS, key=len, reverse=True)),
    r"\$(?:US|A|NZ|C)(?![A-Za-z])",
    *(re.escape(p) for p in sorted(LETTERS, key=len, reverse=True)),
    *(rf"{c}(?=[ \u00a0]?[0-9])" for c in sorted(CODES)),
    f"[{_SIGN_CLASS}]",
]) + ")")
SIGN_CHARS = "".join(SIGNS)

_AFTER = re.compile(
    r"[ \u00a0]*(?:(?P<adj>" + "|".join(sorted((re.escape(a) for a, _ in ADJECTIVES), key=len, reverse=True)).replace(r"\ ", " ")
    + r")[ \u00a0]+)?(?P<word>" + "|".join(sorted(map(re.escape, WORDS), key=len, reverse=True)).replace(r"\ ", " ")
    + r")\b|[ \u00a0]?(?-i:(?P<code>" + "|".join(sorted(CODES)) + r"))(?![A-Za-z])|(?P<sign>[€£₹₩₽₸₺₦₱₪฿₴₫])", re.IGNORECASE)
_YUAN_NEAR = re.compile(r"\b(?:yuan|renminbi|RMB|China|Chinese|Beijing)\b")
MONEY_TALK = re.compile(
    r"\b(?:cost|costs|costing|paid|pay|pays|paying|spent|spend|spending|worth|fine|fined|price|priced|prices|raise|raised|"
    r"budget|salary|salaries|wage|wages|earn|earns|earned|earning|invest|invested|investment|fund|funding|funds|sold|"
    r"bought|buy|charge|charged|compensation|donat\w*|loan|loans|debt|deal|bill|tax|taxes|profit|profits|revenue|"
    r"sales|turnover|bonus|fee|fees|grant|pension|bail|damages|sterling)\b", re.IGNORECASE)


def prefix_code(prefix: str, context: str = "") -> str:
    """The ISO code of a matched PREFIX; `context` (the text around it) decides "¥"."""
    if prefix in SIGNS:
        if prefix == "¥" and _YUAN_NEAR.search(context):
            return "CNY"
        return SIGNS[prefix]
    if prefix.endswith("$"):
        return DOLLARS[prefix[:-1]]
    if prefix.startswith("$"):
        return DOLLARS[prefix[1:]]
    return LETTERS.get(prefix) or prefix


def pounds_are_money(before: str, after: str, scaled: bool) -> bool:
    """ "300 pounds": a weight when it is "pounds of" something; money with a scale word ("2 million
    pounds") or when the sentence talks about money ("fined 500 pounds"); a weight otherwise."""
    if re.match(r"[ \u00a0]+of\b", after):
        return False
    return scaled or bool(MONEY_TALK.search(before))


def currency_after(text: str, pos: int, before: str = "", scaled: bool = False) -> tuple[str, int] | None:
    """A currency named right after an amount at `text[pos:]`: (ISO code, end), or None.

    "30 euros", "75 EUR", "5 million Australian dollars", "400 pounds sterling". `before` is the
    sentence so far, which decides whether "pounds" are money.
    """
    m = _AFTER.match(text, pos)
    if m is None:
        return None
    if m.group("code"):
        return m.group("code"), m.end()
    if m.group("sign"):
        return SIGNS[m.group("sign")], m.end()
    word = m.group("word").lower()
    if word in ("pounds", "pound") and not pounds_are_money(before, text[m.end():m.end() + 8], scaled):
        return None
    if word == "won" and re.match(r"[ \u00a0]+(?:by|the|a|an|in|at|against|over|his|her|their|its|and|or)\b", text[m.end():m.end() + 10], re.IGNORECASE):
        return None  # the verb: "12 won by women"
    adj = (m.group("adj") or "").lower()
    if adj and word in ("dollars", "dollar", "rupees", "rupee", "francs", "franc", "pesos", "yuan"):
        return _ADJ[adj], m.end()
    if adj:  # "five Chinese tenge"? the adjective is not part of the currency
        start = m.start("word")
        return WORDS[word], start + len(m.group("word"))
    return WORDS[word], m.end()


# A rupee sign that came through a wrong encoding or a symbol font: "â‚¹" (its UTF-8 bytes read as
# cp1252), "â\x82¹" (read as Latin-1), and a letter or backtick standing in for it ("L750 cr",
# "` 750 crore", as pages set in a rupee font show once the font is gone). The byte forms are
# unambiguous; a letter is a rupee only where the evidence is strong: glued to a figure that a crore
# or a lakh follows. A page that shows that habit once is believed for its other sums in that letter
# with a scale word ("more than L15 billion").
_RUPEE_BYTES = re.compile("â‚¹|â\x82¹")
_RUPEE_LETTER = re.compile(r"(?<![A-Za-z0-9])(?:L|`[ \u00a0]?)(?=[0-9][0-9,.]*[ \u00a0]?(?:cr|Cr|crores?|Crores?|lakhs?|Lakhs?)\b)")
_RUPEE_LETTER_SCALED = re.compile(r"(?<![A-Za-z0-9])L(?=[0-9][0-9,.]*[ \u00a0]?(?:billion|million|thousand|bn|mn)\b)")


def misencoded_rupees(text: str) -> str:
    """`text` with each mis-encoded rupee sign written as "₹", padded with zero-width spaces to the
    same length (the caller reads past those), so offsets still point into the original."""
    if "â" in text:
        text = _RUPEE_BYTES.sub(lambda m: "₹" + "\u200b" * (len(m.group()) - 1), text)
    if "L" not in text and "`" not in text:
        return text
    strong = list(_RUPEE_LETTER.finditer(text))
    if not strong:
        return text
    chars = list(text)
    for m in [*strong, *_RUPEE_LETTER_SCALED.finditer(text)]:
        chars[m.start()] = "₹"
    return "".join(chars)

