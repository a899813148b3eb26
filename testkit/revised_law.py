"""A revised copy of a Chinese law with a known alignment (bench/lineage.py, tests/legaltext).

`revise(text, seed=…)` takes the Markdown of a Chinese law (the criminal code, above all) and
returns the text of a revision and the links an aligner should find at article level. The
revision, seeded and deterministic, inserts new articles (new offences written like the code's
own articles, in its second part, or anywhere in a law without parts), deletes some, rewrites
some (other penalties and words, a phrase dropped, a sentence added: still recognisably the
same article), splits some (an article of several paragraphs becomes two neighbouring
articles), merges some pairs of neighbouring articles of one chapter or section into one, then
numbers all articles afresh (第一条 … with no 之一 left), as a full revision does. Cross-references inside the text are left as they were; headings and annexes
are kept.

Each expected link is ``(from_key, to_key, kind)`` with the keys the parser gives both texts:
``same`` for an article kept word for word (renumbered or not), ``modified``, ``split`` (one row
per new article), ``merged`` (one row per old article), ``new`` (from None), ``deleted`` (to None).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from app.legaltext import parse
from app.legaltext.alignment import ARTICLE_KINDS, similarity
from app.legaltext.numerals import int_to_cn

ARTICLE_LINE = re.compile(
    r"^第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[ 　]"
)
ITEM_LINE = re.compile(r"^（[一二三四五六七八九十]+）")

#: Rewordings seen between versions of Chinese criminal provisions.
REWORDINGS = (
    ("处三年以下有期徒刑", "处五年以下有期徒刑"),
    ("处五年以下有期徒刑", "处三年以下有期徒刑"),
    ("三年以上七年以下", "五年以上十年以下"),
    ("五年以上十年以下", "三年以上十年以下"),
    ("十年以上有期徒刑", "十年以上有期徒刑、无期徒刑"),
    ("拘役或者管制", "拘役、管制或者剥夺政治权利"),
    ("并处或者单处罚金", "并处罚金"),
    ("情节严重的", "情节恶劣的"),
    ("情节特别严重的", "情节特别恶劣的"),
    ("数额较大的", "数额较大或者有其他严重情节的"),
    ("数额巨大的", "数额巨大或者有其他特别严重情节的"),
    ("国家工作人员", "公职人员"),
    ("其他直接责任人员", "其他责任人员"),
    ("依照前款的规定处罚", "依照前款规定处罚"),
    ("犯罪分子", "犯罪人"),
    ("没收财产", "没收个人全部或者部分财产"),
    ("应当", "应"),
    ("可以", "得"),
    ("或者", "或"),
    ("的规定", "规定"),
)
ADDED_SENTENCES = (
    "有前款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。",
    "对于情节较轻、积极退赃或者取得被害人谅解的，可以从轻或者减轻处罚。",
    "本条规定的具体数额标准，由最高人民法院、最高人民检察院会同有关部门确定。",
    "犯本条之罪，在提起公诉前积极退赔、挽回损失的，可以从轻处罚。",
    "多次实施前款行为，未经处理的，按照累计数额计算。",
)
NEW_OFFENCES = (
    "违反国家规定，非法收集、使用、加工他人人脸、声纹等生物识别信息，情节严重",
    "组织、策划、指挥利用信息网络实施电信网络诈骗活动",
    "违反国家有关规定，擅自从事人类基因编辑、克隆胚胎的临床研究或者应用，情节严重",
    "非法制造、销售、使用无人驾驶航空器反制设备，危害公共安全",
    "在信息网络上编造、故意传播涉及重大突发事件的虚假信息，严重扰乱社会秩序",
    "以食用为目的非法猎捕、收购、运输、出售陆生野生动物，情节严重",
    "冒用他人身份信息开立银行账户、支付账户，情节严重",
    "违反国家规定，出租、出借、出售本人的电话卡、银行卡供他人实施违法犯罪活动",
    "利用深度合成技术伪造他人形象、声音，用于诈骗、敲诈勒索或者诽谤",
    "违反安全管理规定，擅自在住宅小区内存储、改装电动自行车蓄电池，造成严重后果",
    "以暴力、威胁方法阻碍新能源汽车充电设施正常运行，情节严重",
    "违反国家规定，向境外非法提供重要数据或者大量个人信息",
    "组织、胁迫未成年人在网络直播中从事有偿陪聊、低俗表演",
    "非法采挖、收购、出售国家重点保护野生植物，情节严重",
    "在高空抛掷物品，情节严重",
    "违反规定，在饮用水水源保护区内排放、倾倒有毒有害物质，情节严重",
    "伪造、变造、买卖机动车驾驶证、行驶证，情节严重",
    "明知是虚假的网络交易订单，仍为他人组织刷单炒信，违法所得数额较大",
    "组织考生利用作弊器材在国家规定的职业资格考试中作弊",
    "非法改装、拼装报废机动车并出售，情节严重",
    "违反国家规定，擅自处置实验动物尸体或者病原微生物样本，造成严重后果",
    "以非法占有为目的，利用虚拟货币交易平台集资诈骗，数额较大",
    "强迫他人参与网络赌博或者为网络赌博提供资金结算服务，情节严重",
    "违反国家规定，非法出售、提供个人行踪轨迹信息",
)
PENALTIES = (
    ("三年以下有期徒刑、拘役或者管制，并处或者单处罚金", "三年以上七年以下有期徒刑，并处罚金"),
    ("一年以下有期徒刑、拘役或者管制，并处或者单处罚金", "一年以上三年以下有期徒刑，并处罚金"),
    ("五年以下有期徒刑或者拘役，并处罚金", "五年以上十年以下有期徒刑，并处罚金或者没收财产"),
    ("二年以下有期徒刑、拘役或者管制，并处罚金", "二年以上五年以下有期徒刑，并处罚金"),
)
UNIT_CLAUSE = (
    "单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
    "依照前款的规定处罚。"
)
#: A rewritten article stays between these similarities to the old one (edit ratio, 0..1):
#: changed substantially, still recognisably the same article.
REWRITE_RANGE = (0.5, 0.85)


@dataclass
class Block:
    """One article of the revised text: its lines (label stripped) and where they came from."""

    lines: list[str]
    origin: str  # same | modified | split | merged | new
    sources: list[int] = field(default_factory=list)  # indices of old articles


@dataclass
class Revision:
    text: str
    expected: list[tuple[str | None, str | None, str]]


def revise(
    text: str,
    *,
    seed: int = 13,
    inserted: int = 20,
    deleted: int = 10,
    rewritten: int = 10,
    split: int = 5,
    merged: int = 5,
) -> Revision:
    """The revised text and its known article-level links (see the module's docstring)."""
    rng = random.Random(seed)
    pieces = _pieces(text)
    articles = [k for k, piece in enumerate(pieces) if isinstance(piece, list)]
    lines_of = {number: pieces[k] for number, k in enumerate(articles)}
    neighbours = {n for n in range(len(articles) - 1) if articles[n + 1] == articles[n] + 1}
    taken: set[int] = set()

    def pick(count: int, fits, width: int = 1) -> list[int]:
        """``count`` articles that fit, each with the ``width - 1`` after it, none taken."""
        pool = list(range(len(articles)))
        rng.shuffle(pool)
        picked: list[int] = []
        for n in pool:
            if len(picked) == count:
                break
            if taken.isdisjoint(range(n, n + width)) and fits(n):
                picked.append(n)
                taken.update(range(n, n + width))
        return sorted(picked)

    def movable(n: int) -> bool:  # not a placeholder, not the closing article (in force from…)
        return "（删去）" not in lines_of[n][0] and n < len(articles) - 1

    splits = pick(split, lambda n: movable(n) and _split_point(lines_of[n]) is not None)
    firsts = pick(merged, lambda n: n in neighbours and movable(n) and movable(n + 1), width=2)
    rewrites = pick(rewritten, lambda n: movable(n) and _rewrite(lines_of[n], random.Random(n)))
    deletions = pick(deleted, movable)
    # New offences go to the second part (分则); a law without parts takes them anywhere.
    places = [n for n in range(len(articles)) if _in_part_two(pieces, articles[n])]
    places = [n for n in places or range(len(articles) - 1) if n not in taken]
    after = sorted(rng.choice(places) for _ in range(inserted))

    blocks: dict[int, list[Block]] = {}
    for n in range(len(articles)):
        lines = lines_of[n]
        if n in deletions or n - 1 in firsts:
            blocks[n] = []
        elif n in splits:
            at = _split_point(lines)
            second = [lines[at].replace("前款", "前条", 1), *lines[at + 1 :]]
            blocks[n] = [Block(lines[:at], "split", [n]), Block(second, "split", [n])]
        elif n in firsts:
            blocks[n] = [Block(lines + lines_of[n + 1], "merged", [n, n + 1])]
        elif n in rewrites:
            blocks[n] = [Block(_rewrite(lines, random.Random(n)), "modified", [n])]
        else:
            blocks[n] = [Block(lines, "same", [n])]
    for n, offence in zip(after, rng.sample(NEW_OFFENCES, inserted), strict=True):
        blocks[n].append(Block(_new_article(offence, rng), "new"))

    new_text, order = _assemble(pieces, articles, blocks)
    return Revision(new_text, _expected(parse(text), parse(new_text), order, deletions))


def _pieces(text: str) -> list[str | list[str]]:
    """The text as headings and other lines (str) and articles (their lines, label stripped)."""
    pieces: list[str | list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if ARTICLE_LINE.match(line):
            pieces.append([ARTICLE_LINE.sub("", line, count=1)])
        elif pieces and isinstance(pieces[-1], list) and not line.startswith("#"):
            pieces[-1].append(line)
        else:
            pieces.append(line)
    return pieces


def _in_part_two(pieces: list, index: int) -> bool:
    """Whether the piece at ``index`` is in 第二编 (the specific offences; not in 附则)."""
    parts = [p for p in pieces[:index] if isinstance(p, str) and p.startswith("## ")]
    return bool(parts) and "第二编" in parts[-1]


def _split_point(lines: list[str]) -> int | None:
    """Where an article of several paragraphs divides into two: a paragraph past the first,
    not an item and not inside a list of items; None for an article of one paragraph."""

    def starts_clean(k: int) -> bool:  # not inside a list of items that goes on after it
        following = next((line for line in lines[k + 1 :] if ITEM_LINE.match(line)), None)
        return following is None or following.startswith("（一）")

    points = [k for k in range(1, len(lines)) if not ITEM_LINE.match(lines[k]) and starts_clean(k)]
    return points[len(points) // 2] if points else None


def _rewrite(lines: list[str], rng: random.Random) -> list[str] | None:
    """New wording for an article, or None if no rewording lands in REWRITE_RANGE."""
    old = "\n".join(lines)
    text = old
    for before, after in rng.sample(REWORDINGS, len(REWORDINGS)):
        if before in text and rng.random() < 0.7:
            text = text.replace(before, after)
    lines = text.split("\n")
    long = [k for k, line in enumerate(lines) if len(re.findall("[，；]", line)) >= 3]
    if long:  # drop a phrase inside one paragraph (not its first: an item keeps its label)
        k = rng.choice(long)
        phrases = re.split(r"(?<=[，；])", lines[k])
        del phrases[rng.randrange(1, len(phrases) - 1)]
        lines[k] = "".join(phrases)
    text = "\n".join([*lines, rng.choice(ADDED_SENTENCES)])
    low, high = REWRITE_RANGE
    if not low <= similarity(old, text) <= high:
        return None
    return text.split("\n")


def _new_article(offence: str, rng: random.Random) -> list[str]:
    light, heavy = rng.choice(PENALTIES)
    lines = [f"{offence}的，处{light}；情节特别严重的，处{heavy}。"]
    if rng.random() < 0.4:
        lines.append(UNIT_CLAUSE)
    return lines


def _assemble(pieces, articles, blocks) -> tuple[str, list[Block]]:
    """The revised Markdown, articles numbered afresh, and its blocks in document order."""
    out: list[str] = []
    order: list[Block] = []
    number_of = {k: n for n, k in enumerate(articles)}
    for k, piece in enumerate(pieces):
        if isinstance(piece, str):
            out.append(piece)
            continue
        for block in blocks[number_of[k]]:
            order.append(block)
            out.append(f"第{int_to_cn(len(order))}条 {block.lines[0]}")
            out.extend(block.lines[1:])
    return "\n\n".join(out) + "\n", order


def _expected(old_doc, new_doc, order: list[Block], deletions: list[int]):
    old_articles = [c.key for c in old_doc.clauses if c.kind == "article"]
    new_articles = [c.key for c in new_doc.clauses if c.kind == "article"]
    if len(new_articles) != len(order):
        raise ValueError(f"{len(new_articles)} articles parsed, {len(order)} written")
    links: list[tuple[str | None, str | None, str]] = []
    for key, block in zip(new_articles, order, strict=True):
        if block.origin == "new":
            links.append((None, key, "new"))
        for source in block.sources:
            links.append((old_articles[source], key, block.origin))
    links += [(old_articles[n], None, "deleted") for n in deletions]
    # Annexes and preambles are kept as they were.
    old_rest = [c.key for c in old_doc.clauses if c.kind in ARTICLE_KINDS - {"article"}]
    new_rest = [c.key for c in new_doc.clauses if c.kind in ARTICLE_KINDS - {"article"}]
    links += [(a, b, "same") for a, b in zip(old_rest, new_rest, strict=True)]
    return links
