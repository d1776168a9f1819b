"""People: ``official`` when a position is attached to the mention, ``person`` otherwise.

A name is a run of capitalised syllables that starts with a Vietnamese family name (or that
underthesea's NER tagged as PER). Its title is read on the left (``Chủ tịch UBND tỉnh Phan Ngọc Thọ``)
or on the right (``ông Hồ Thắng, Giám đốc Sở KH&CN``); stacked posts choose the main office over
concurrent ones (``Ủy viên Trung ương Đảng``). Short later mentions (``ông Thắng``) inherit the full
name's title and organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from govnews.records import Entity
from pipeline.gazetteer import Gazetteer, read_lines
from pipeline.lexical import Coverage, PhraseIndex, Word, admin_word_at, scan
from pipeline.places import known_place_at

MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 5
RIGHT_SEPARATORS = (",", "-", "–", "(")
APPOSITION = (",", "-", "–")  # between a post and the honorific of the person holding it
FUSED_MINISTRY_TITLES = ("Bộ trưởng", "Thứ trưởng", "Thứ trưởng Thường trực")
MAX_FUSED_NAME_WORDS = 8
MAX_SHARED_HEAD_WORDS = 2  # words of a body's head that may end a title ("Văn phòng" of "Chánh Văn phòng")


def find_people(text: str, gaz: Gazetteer, bodies: list[Entity], taken: list[tuple[int, int]],
                is_ner_person: Callable[[int, int], bool] | None = None,
                whole_word: Callable[[int, int], bool] | None = None,
                ends_word: Callable[[int], bool] | None = None) -> list[Entity]:
    """Officials and persons in ``text``.

    Args:
        is_ner_person: asked about a capitalised run introduced like a person (honorific or title) that
            does not start with a known family name (a foreign or rare name); underthesea's NER answers.
        whole_word: whether a span is one segmented word ("thôn" alone, not the end of "nông thôn").
        ends_word: whether a segmented word ends at a character offset: a name never ends inside one
            ("Đoàn Thanh | tra" is the inspection team "Đoàn Thanh tra", not a person).
    """
    words = scan(text)
    inside = Coverage(taken)  # a binary search per word: an article may have thousands of spans
    body_at = {b.start: b for b in bodies}
    body_ending = {b.end: b for b in bodies}
    found: list[Entity] = []
    posted_right: set[int] = set()  # indices in ``found`` of people whose post follows their name
    i = 0
    while i < len(words):
        # Capitalised words that are not names: a title ("Phó Chủ tịch") or an honorific ("Ông", "TS.").
        skip = gaz.title_index.match(words, i, text) or gaz.honorific_index.match(words, i, text)
        if skip:
            i += skip[1]
            continue
        after_body = i > 0 and words[i - 1].end in body_ending
        n = _name_length(words, i, text, gaz, inside, whole_word, ends_word=ends_word, after_body=after_body)
        candidate = _is_name_word(words[i]) and not inside(words[i])
        honorific = _honorific_before(words, i, text, gaz) if n or candidate else None
        title = None
        if n or (is_ner_person and candidate):
            # A post the gazetteers do not know is read only before a name that starts with a family name.
            title = _title_left(words, i - (honorific[1] if honorific else 0), text, gaz, body_ending, loose=bool(n))
        if not n and (honorific or title) and words[i].text in gaz.rare_surnames:
            # "Trưởng Ban … Mai Xuân Bình": a rare family name after a title
            n = _name_length(words, i, text, gaz, inside, whole_word, rare=True, ends_word=ends_word,
                             after_body=after_body)
        if not n and title and (foreign := _name_after_country(words, i, text, gaz)):
            # "Thủ tướng Campuchia Hun Manet", "Đại sứ Nhật Bản tại Việt Nam Ito Naoki": a post of a country,
            # then its holder's name, whatever its spelling.
            found.append(_holder(words, text, *foreign, title[0]))
            i = foreign[0][0] + foreign[0][1]
            continue
        if not n and not honorific and (post := gaz.title_index.match_ending(words, i, text)) \
                and (abroad := _name_after_body_abroad(words, i, text, gaz)):
            # "Trưởng Đại diện UNICEF tại Việt Nam Rana Flowers": an international body's post, then its holder.
            found.append(_holder(words, text, *abroad, post[0]))
            i = abroad[0][0] + abroad[0][1]
            continue
        if not n and honorific and candidate and not gaz.place(text[words[i].start : words[i].end]):
            # "đồng chí Lèo Văn Thuận - Phó Chủ tịch …": an unknown family name, but an honorific before the run
            # and a post right after it say it is a person's name.
            run = _run_length(words, i, text)
            if MIN_NAME_WORDS <= run <= MAX_NAME_WORDS - 1 and _title_right(words, i + run, text, gaz, body_at) \
                    and not gaz.place(text[words[i].start : words[i + run - 1].end]):
                n = run
        if not n and is_ner_person and (honorific or title) and not gaz.place_words.match_ending(words, i, text):
            # Not a known family name, but introduced like a person (not by a place word: "Trưởng thôn | Phú Lợi …"):
            # ask underthesea's NER.
            run = _run_length(words, i, text)
            if MIN_NAME_WORDS <= run <= MAX_NAME_WORDS and is_ner_person(words[i].start, words[i + run - 1].end):
                n = run
        if not n:
            # Never start a name in the middle of a capitalised run, unless what precedes it in the run is a
            # place or a central body ("… Trung ương Lê Minh Hưng", "… Hải Dương Trần Đức Thắng").
            run = _run_length(words, i, text)
            starts = [(j, length) for j in range(i + 1, i + run)
                      if (length := _name_length(words, j, text, gaz, inside, whole_word, rare=True,
                                                 ends_word=ends_word))
                      and not _place_across(words, i, j, text, gaz)
                      and (length >= 3 or _names_a_body_or_place(text[words[i].start : words[j - 1].end], gaz))]
            if len(starts) > 1 and (admin_word_at(words, i - 1, text) == 1 or _sub_commune_word_at(words, i - 1, text)):
                # "phường Hồng Hà Vũ Văn Hậu": after a place word, the full name of three words ending the run
                # (Vũ Văn Hậu) rather than the first family name (Hà).
                starts = [s for s in starts if s[0] + s[1] == i + run and s[1] == 3] or starts
            i = starts[0][0] if starts else i + run
            continue
        if title and _inside_previous_post(found, words[i], text, posted_right):
            i += n  # "Bà A, Chủ tịch Công đoàn Công ty Xi măng | Hoàng Thạch, …": the body's name, not a person
            continue
        first, last = words[i], words[i + n - 1]
        attrs: dict[str, object] = {"name": text[first.start : last.end]}
        if not title and (title := _title_right(words, i + n, text, gaz, body_at)):
            posted_right.add(len(found))
        before = i - (honorific[1] if honorific else 0) - 1
        if not title and before > 0 and words[before].text in (*APPOSITION, ":") \
                and not _follows_named_post(found, words[before], text, posted_right):
            # "Phó Chủ tịch UBND tỉnh, ông Nguyễn Văn A", "Chủ tịch UBND tỉnh Bắc Giang - Lê Văn Hào": a post,
            # then the person it names.
            post = _title_left(words, before, text, gaz, body_ending, apposition=True)
            title = post if post and post[1] else None
        link = REVERSED_PREDICATES.match_ending(words, before + 1, text) if honorific and before > 0 else None
        if not title and link:
            # "Giám đốc Sở Y tế hiện nay là ông A", "Người đứng đầu Sở Y tế là bà B": the post, "is", its holder.
            post = _title_left(words, before + 1 - link[1], text, gaz, body_ending, apposition=True) \
                or _head_of_body_before(words, before + 1 - link[1], text, gaz, body_ending)
            title = post if post and post[1] else None
        if title:
            attrs.update(title=title[0], organization=title[1])
        if honorific:
            attrs["honorific"] = honorific[0]
        found.append(Entity("official" if title else "person", attrs["name"], first.start, last.end, attrs))
        i += n
    _share_list_posts(text, gaz, found)
    _post_in_next_sentence(words, text, gaz, found, body_at)
    found.extend(_bylines(text, gaz, found, taken))
    _share_titles(found)
    _ministry_from_article(found, bodies)
    found.extend(_short_mentions(words, text, gaz, found, taken, body_at))
    found.sort(key=lambda e: e.start)
    return found


MAX_APPOSED_POST_CHARS = 160
REVERSED_PREDICATES = PhraseIndex(read_lines("title_reversed_predicates.txt"))
HEAD_OF_BODY = PhraseIndex(read_lines("head_of_body.txt"))


def _head_of_body_before(words: list[Word], k: int, text: str, gaz: Gazetteer,
                         body_ending: dict[int, Entity]) -> Post | None:
    """``Người đứng đầu | Sở Y tế`` ending before word ``k``: the head of the body, which the text names."""
    body = body_ending.get(words[k - 1].end) if k > 0 else None
    if body is None:
        return None
    start = k
    while start > 0 and words[start - 1].start >= body.start:
        start -= 1
    found = HEAD_OF_BODY.match_ending(words, start, text)
    return (found[0], _organization(body)) if found else None


def _follows_named_post(found: list[Entity], separator: Word, text: str, posted_right: set[int]) -> bool:
    """Is the post before ``separator`` the right-hand post of the person named just before it ("Ông A, Giám đốc
    Sở Y tế, B …"), so that it is not also the next name's?"""
    if not found or len(found) - 1 not in posted_right:
        return False
    if not 0 <= separator.start - found[-1].end <= MAX_APPOSED_POST_CHARS:
        return False
    between = text[found[-1].end : separator.start]
    return between.lstrip()[:1] in APPOSITION and "." not in between and "\n" not in between


OTHER_PERSON_LINKS = re.compile(r"[.;:\n]|\s(?:và|cùng|với|của|cho|gặp|tiếp)\s")


def _inside_previous_post(found: list[Entity], word: Word, text: str, posted_right: set[int]) -> bool:
    """Does ``word`` sit inside the post written after the last person named ("Bà A, Chủ tịch Công đoàn Công ty
    Xi măng Hoàng Thạch, …")? No one else is named there, so a name-like run is the body's own name."""
    if not found or len(found) - 1 not in posted_right or word.start - found[-1].end > MAX_APPOSED_POST_CHARS:
        return False
    between = text[found[-1].end : word.start]
    return between.lstrip()[:1] in APPOSITION and not OTHER_PERSON_LINKS.search(between)


CENTRAL_WORDS = frozenset({"Trung ương", "Chính phủ", "Quốc hội", "Đảng", "Nhà nước"})
_NAME_WORDS = r"[^\W\d_][\w'’.]*(?:[ \t]+[^\W\d_][\w'’.]*){1,3}"
# A byline: a line that is only a name, or names joined by "-", ended by "|" or the publication date.
# "T/h: Lê Đại – Xuân Hạnh" and "Thái Bình (thực hiện)" say outright that they are credits.
_CREDIT_LEAD = r"(?P<lead>(?:T/h|TH|Tổng hợp|Nhóm PV|Nhóm phóng viên)[ \t]*:[ \t]*)"
_CREDIT_END = r"(?P<credit>\((?:thực hiện|tổng hợp|t/h|TH|lược dịch|lược thuật)\))"
_BYLINE = re.compile(rf"(?m)^[ \t]*{_CREDIT_LEAD}?({_NAME_WORDS})(?:[ \t]*[-–][ \t]*({_NAME_WORDS}))?"
                     rf"[ \t]*(?P<end>\||\d{{1,2}}/\d{{1,2}}/\d{{4}}[^\n]*|{_CREDIT_END})?[ \t]*$")
_PHOTO_CREDIT = re.compile(rf"(?:Ảnh|ẢNH|Ảnh minh họa|Bài, ảnh|Bài và ảnh|Video)\s*:\s*({_NAME_WORDS})")


MAX_FOREIGN_NAME_WORDS = 4


def _holder(words: list[Word], text: str, span: tuple[int, int], organization: str, title: str) -> Entity:
    """The official whose name is ``words[start : start + length]`` (``span``), holding ``title`` at
    ``organization``."""
    first, last = words[span[0]], words[span[0] + span[1] - 1]
    name = text[first.start : last.end]
    return Entity("official", name, first.start, last.end, {"name": name, "title": title, "organization": organization})


def _name_after_country(words: list[Word], i: int, text: str, gaz: Gazetteer) -> tuple[tuple[int, int], str] | None:
    """``Campuchia [tại Việt Nam] | Hun Manet``: a country at word ``i`` (and where its post is held), then a
    capitalised run of one to four words: where the name starts, its length, and the country as written."""
    if i < len(words) and words[i].text == "nước":  # "Đại sứ Đặc mệnh toàn quyền nước CHND Trung Hoa …"
        i += 1
    n = known_place_at(words, i, text, gaz, levels=("country",))
    if not n:
        return None
    j = i + n
    if j + 1 < len(words) and words[j].text == "tại" and (m := known_place_at(words, j + 1, text, gaz)):
        j += 1 + m  # "Đại sứ Nhật Bản tại Việt Nam"
    if j >= len(words) or not _is_name_word(words[j]) or text[words[j - 1].end : words[j].start] != " ":
        return None
    run = _run_length(words, j, text)
    if run > MAX_FOREIGN_NAME_WORDS or known_place_at(words, j, text, gaz):
        return None
    return (j, run), text[words[i].start : words[i + n - 1].end]


def _name_after_body_abroad(words: list[Word], i: int, text: str,
                            gaz: Gazetteer) -> tuple[tuple[int, int], str] | None:
    """``UNICEF [(…)] tại Việt Nam | Rana Flowers``: a known body or an acronym at word ``i``, where it serves,
    then a capitalised run of two to four words (a name in any spelling): where the name starts, its length,
    and the body as written."""
    known = gaz.known_index.match(words, i, text)
    n = known[1] if known else int(i < len(words) and words[i].is_abbreviation and words[i].is_word)
    if not n:
        return None
    j = i + n
    if j + 2 < len(words) and words[j].text == "(" and words[j + 2].text == ")":
        j += 3  # "Tổ chức … (WHO)"
    if not (j + 1 < len(words) and words[j].text == "tại" and (m := known_place_at(words, j + 1, text, gaz))):
        return None  # only a body serving abroad, so its post and name are not mistaken for a local body's
    body_end = j
    j += 1 + m
    if j >= len(words) or not _is_name_word(words[j]) or text[words[j - 1].end : words[j].start] != " ":
        return None
    run = _run_length(words, j, text)
    if not MIN_NAME_WORDS <= run <= MAX_FOREIGN_NAME_WORDS or known_place_at(words, j, text, gaz):
        return None
    return (j, run), text[words[i].start : words[body_end - 1].end]


def _place_across(words: list[Word], i: int, j: int, text: str, gaz: Gazetteer) -> bool:
    """Does a known place run across word ``j`` ("Tây | Ninh Long An" is the province Tây Ninh, then Long An)?"""
    return any(s + known_place_at(words, s, text, gaz) > j for s in range(max(i, j - 3), j))


def _names_a_body_or_place(prefix: str, gaz: Gazetteer) -> bool:
    return prefix in CENTRAL_WORDS or gaz.place(prefix) is not None or prefix in gaz.known_bodies


def _bylines(text: str, gaz: Gazetteer, people: list[Entity], taken: list[tuple[int, int]]) -> list[Entity]:
    """Authors and photographers: ``Minh Châu`` alone on the last line, ``KIM DUNG - VŨ PHƯỜNG 03/07/2024``,
    ``LY LAN |``, ``Ảnh: Minh Trí``."""
    covered = [(p.start, p.end) for p in people] + taken
    last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
    spans: list[tuple[int, int, bool]] = []  # (start, end, said outright to be a credit)
    for match in _BYLINE.finditer(text):
        if match.group("end") or match.group("lead") or match.group(0).strip() == last_line:
            explicit = bool(match.group("lead") or match.group("credit"))
            spans += [(match.start(g), match.end(g), explicit) for g in (2, 3) if match.group(g)]
    spans += [(m.start(1), m.end(1), False) for m in _PHOTO_CREDIT.finditer(text)]
    found = []
    for start, end, explicit in spans:
        if text[end - 1] == "." and not text[start:end].isupper():
            end -= 1  # "Ảnh: Hữu Nghị." : the sentence's full stop, not an initial
        name = text[start:end]
        words = name.split()
        if any(s < end and start < e for s, e in covered) or not all(w[0].isupper() for w in words):
            continue
        if (gaz.place(name) and not explicit) or gaz.title_index.match(scan(name), 0, name) \
                or gaz.head_index.match(scan(name), 0, name):
            continue
        if name in gaz.known_bodies or not (all(w.isupper() for w in words) or all(w[1:].islower() for w in words)):
            continue  # mixed capitalisation is an acronym or a heading, not a name
        found.append(Entity("person", name, start, end, {"name": name}))
        covered.append((start, end))
    return found


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+và)\s+")
_PLURAL = re.compile(r"(?:^|\s)[Cc]ác\s+(?:vị\s+)?(?P<rest>[^.;:!?\n]*?)(?:\s*:)?\s*$")  # "các đồng chí: A, B, …"
MAX_PLURAL_LEAD_CHARS = 120


def _share_list_posts(text: str, gaz: Gazetteer, people: list[Entity]) -> None:
    """``các Phó Chủ tịch UBND tỉnh A, B và C``, ``các ông A, B, Phó Tổng Giám đốc …``: a plural title or
    honorific before a list of names, and one post in it, say that post is every listed person's."""
    groups: list[list[Entity]] = []
    for person in sorted(people, key=lambda e: e.start):
        if groups and _LIST_JOIN.fullmatch(text[groups[-1][-1].end : person.start]):
            groups[-1].append(person)
        else:
            groups.append([person])
    for group in groups:
        posts = {(e.attrs.get("title"), e.attrs.get("organization")) for e in group if e.type == "official"}
        if len(group) < 2 or len(posts) > 1 or all(e.type == "official" for e in group):
            continue
        lead = _PLURAL.search(text[max(0, group[0].start - MAX_PLURAL_LEAD_CHARS) : group[0].start])
        rest = lead.group("rest") if lead else ""
        words = scan(rest)
        honorific = gaz.honorific_index.match(words, 0, rest)
        if not words or not (gaz.title_index.match(words, 0, rest) or honorific):
            continue
        if not posts:
            # "Các đồng chí Phó Chủ tịch UBND tỉnh: A, B": the post is in the plural lead itself.
            start = honorific[1] if honorific else 0
            title_found = gaz.title_index.match(words, start, rest)
            if title_found is None:
                continue
            after = start + title_found[1]
            body = rest[words[after].start :].strip() if after < len(words) else ""
            posts = {(title_found[0], body or gaz.title_organization.get(title_found[0]))}
        title, organization = posts.pop()
        for person in group:
            if person.type == "person":
                person.type = "official"
                person.attrs.update(title=title, organization=organization)


PRONOUNS = ("Ông", "Bà", "Anh", "Chị", "Đồng chí")
SENTENCE_ENDS = (".", "!", "?", "\n")
MAX_SENTENCE_WORDS = 60


def _post_in_next_sentence(words: list[Word], text: str, gaz: Gazetteer, people: list[Entity],
                           body_at: dict[int, Entity]) -> None:
    """``Ông Lò Văn Pó sinh năm 1970. Ông hiện là Bí thư Huyện ủy …``: the next sentence opens with a pronoun
    and states a post, which is the named person's (when no other person is named before it)."""
    ending = {w.end: k for k, w in enumerate(words)}
    starts = sorted(p.start for p in people)
    for person in people:
        k = ending.get(person.end)
        if person.type != "person" or k is None:
            continue
        end = next((m for m in range(k + 1, min(k + MAX_SENTENCE_WORDS, len(words)))
                    if words[m].text in SENTENCE_ENDS), None)
        pronoun = next((len(p.split()) for p in PRONOUNS if text.startswith(p + " ", words[end + 1].start)), 0) \
            if end is not None and end + 2 < len(words) else 0
        if not pronoun:
            continue
        following = bisect_right(starts, person.start)
        if following < len(starts) and starts[following] < words[end + 1].start:
            continue  # another person is named before the pronoun
        predicate = gaz.title_predicates.match(words, end + 1 + pronoun, text)
        if predicate and (post := _title_right(words, end + 1 + pronoun, text, gaz, body_at)):
            person.type = "official"
            person.attrs.update(title=post[0], organization=post[1])


def _ministry_from_article(people: list[Entity], bodies: list[Entity]) -> None:
    """``Thứ trưởng Bùi Hoàng Phương`` with no body of his own, in an article about one ministry: that
    ministry (the one the article names most), as the gold conventions take it "from the article"."""
    ministries = Counter(str(b.attrs.get("canonical")) for b in bodies
                         if b.type == "agency" and b.text.startswith("Bộ ") and b.attrs.get("kind") == "government")
    if not ministries:
        return
    canonical = ministries.most_common(1)[0][0]
    written = next(b.text for b in bodies if str(b.attrs.get("canonical")) == canonical)
    for person in people:
        if person.type == "official" and person.attrs.get("title") in FUSED_MINISTRY_TITLES \
                and not person.attrs.get("organization"):
            person.attrs["organization"] = written


def _share_titles(people: list[Entity]) -> None:
    """A repeated name takes what other mentions of it say: a title it lacks, or the organisation of the
    nearest mention with the same title ("Bộ trưởng Nguyễn Mạnh Hùng" after "… Bộ TTTT …")."""
    officials = [e for e in people if e.type == "official"]
    for person in people:
        same = sorted((e for e in officials if e.attrs["name"] == person.attrs["name"] and e is not person),
                      key=lambda e: abs(e.start - person.start))
        if person.type == "person" and not same:
            # The same name in another form: "Nguyễn Thắng" for "Nguyễn Văn Thắng", a caption cut short.
            others = {str(e.attrs["name"]) for e in officials if _other_form(str(person.attrs["name"]),
                                                                              str(e.attrs["name"]))}
            if len(others) == 1:
                same = [e for e in officials if e.attrs["name"] in others]
        if person.type == "person" and same:
            person.type = "official"
            person.attrs.update(title=same[0].attrs["title"], organization=same[0].attrs["organization"])
        elif person.type == "official" and not person.attrs.get("organization"):
            source = next((e for e in same if e.attrs.get("organization")
                           and e.attrs.get("title") == person.attrs.get("title")), None)
            if source is not None:
                person.attrs["organization"] = source.attrs["organization"]


MIN_CUT_LETTERS = 2


def _other_form(short: str, full: str) -> bool:
    """Is ``short`` ``full`` written another way: the middle name dropped ("Nguyễn Thắng" for "Nguyễn Văn Thắng")
    or the last word cut short ("Nguyễn Hoài Ph" for "Nguyễn Hoài Phương", a caption cut by the page)?"""
    a, b = short.split(), full.split()
    if len(a) == 2 and len(b) >= 3 and a[0] == b[0] and a[1] == b[-1]:
        return True
    return (len(a) == len(b) >= 2 and a[:-1] == b[:-1] and a[-1] != b[-1] and len(a[-1]) >= MIN_CUT_LETTERS
            and b[-1].startswith(a[-1]))


def _name_length(words: list[Word], i: int, text: str, gaz: Gazetteer, taken: Coverage,
                 whole_word: Callable[[int, int], bool] | None = None, rare: bool = False,
                 ends_word: Callable[[int], bool] | None = None, after_body: bool = False) -> int:
    """Length of a name starting at word ``i`` with a known family name (0 if none); ``rare``: a family name
    that is also a common word counts too (the caller saw a title or an honorific). ``after_body``: a body
    ends just before (``UBND huyện | Hà Văn Cương``), so its last word is not a place word naming a street."""
    if not _is_name_word(words[i]) or taken(words[i]) or _after_city_word(words, i, text):
        return 0
    place_word = None if after_body else gaz.place_words.match_ending(words, i, text)
    if place_word and (whole_word is None or whole_word(words[i - place_word[1]].start, words[i - 1].end)
                       or (place_word[1] > 1 and (ends_word is None or ends_word(words[i - 1].end)))
                       or (_sub_commune_word_at(words, i - 1, text) and _run_length(words, i, text) > 3)):
        return 0  # "đường Lê Lợi", "phường Nguyễn An Ninh": a place named after a person
    if not after_body and _in_place_list(words, i, text, gaz):
        return 0  # "các phố Tràng Tiền, Đinh Tiên Hoàng": a later item of a list of streets
    n = 1
    while (i + n < len(words) and n < MAX_NAME_WORDS and _is_name_word(words[i + n])
           and text[words[i + n - 1].end : words[i + n].start] == " " and not taken(words[i + n])
           and not gaz.title_index.match(words, i + n, text)  # "Ông Lê An | Giám đốc Sở Y tế": no comma
           and not _honorific_then_name(words, i + n, text, gaz)):  # a caption, then "Ông Lê An - …" repeats it
        n += 1
    if (ends_word is not None and n == MIN_NAME_WORDS and i + n < len(words) and words[i + n].text[:1].islower()
            and not ends_word(words[i + n - 1].end)):
        return 0  # a two-syllable "name" whose last syllable starts a lowercase word ("Đoàn Thanh | tra");
        # longer names are kept whole: underthesea's segmentation of a name's last syllable is not to be trusted
    if n < MIN_NAME_WORDS or gaz.place(text[words[i].start : words[i + n - 1].end]):
        return 0
    return n if words[i].text in gaz.surnames or (rare and words[i].text in gaz.rare_surnames) else 0


def _honorific_then_name(words: list[Word], k: int, text: str, gaz: Gazetteer) -> bool:
    """Does an honorific at word ``k`` open another name (``Ông | Lê An``)? "Anh" alone ends many names."""
    found = gaz.honorific_index.match(words, k, text)
    m = k + found[1] if found else k
    return bool(found) and m < len(words) and words[m].text in gaz.surnames and _is_name_word(words[m])


MAX_LISTED_PLACES = 8
LIST_LINKS = (",", "-", "–", "và")


def _in_place_list(words: list[Word], i: int, text: str, gaz: Gazetteer) -> bool:
    """Is the capitalised run at word ``i`` a later item of a list whose first item follows a street word
    ("đường Điện Biên Phủ - Võ Thị Sáu", "các phố Hàng Khay, Tràng Tiền, Đinh Tiên Hoàng")?"""
    k = i
    for _ in range(MAX_LISTED_PLACES):
        if k < 2 or words[k - 1].text not in LIST_LINKS:
            return False
        m = k - 1  # the link; step back over the previous item, a capitalised run
        start = m
        while start > 0 and _is_name_word(words[start - 1]) and m - start < MAX_NAME_WORDS \
                and text[words[start - 1].end : words[start].start] in (" ", ""):
            start -= 1
        if start == m:
            return False
        if gaz.street_words.match_ending(words, start, text):
            return True
        k = start
    return False


def _run_length(words: list[Word], i: int, text: str) -> int:
    n = 1
    while (i + n < len(words) and _is_name_word(words[i]) and _is_name_word(words[i + n])
           and text[words[i + n - 1].end : words[i + n].start] == " "):
        n += 1
    return n


def _after_city_word(words: list[Word], i: int, text: str) -> bool:
    """``TP. Hồ Chí Minh``, ``thành phố Hồ Chí Minh``: a city named after a person."""
    return any(admin_word_at(words, i - n, text) == n and words[i - n].text.lower() in ("tp", "thành")
               for n in (1, 2))


def _is_name_word(word: Word) -> bool:
    return word.is_word and word.is_capitalized and not word.is_abbreviation and not word.text[0].isdigit()


def _honorific_before(words: list[Word], i: int, text: str, gaz: Gazetteer) -> tuple[str, int] | None:
    found = gaz.honorific_index.match_ending(words, i, text)
    if found is None or text[words[i - 1].end : words[i].start] not in (" ", ""):
        return None
    honorific, n = found
    return (honorific.lower() if honorific in ("Ông", "Bà", "Đồng chí") else honorific), n


Post = tuple[str, str | None]  # (title, organisation as written)
MAX_STACKED = 4
DELEGATION = re.compile(r"^[Đđ]oàn (?:ĐBQH|[Đđ]ại biểu Quốc hội)")
DEPUTY = "Đại biểu Quốc hội"


def _best(posts: list[Post], gaz: Gazetteer, require_body_for_concurrent: bool) -> Post | None:
    """The main office among stacked posts: highest priority, then the first listed."""
    if not posts:
        return None
    if require_body_for_concurrent and len(posts) == 1 and gaz.title_priority.get(posts[0][0], 2) == 0 \
            and posts[0][1] is None:
        return None  # a bare "Ủy viên" before a name is too weak to call the person an official
    # "Bí thư | Trung ương Đảng" read as a title and a body is the concurrent post "Bí thư Trung ương Đảng".
    # Of equal posts, one in a party organ inside the body ("Bí thư Đảng ủy, Cục trưởng Cục …") is not the main one.
    best = max(posts, key=lambda p: (gaz.title_priority.get(f"{p[0]} {p[1]}", gaz.title_priority.get(p[0], 2)),
                                     not _in_party_cell(p, gaz)))
    title, organization = best
    return title, organization or gaz.title_organization.get(title)


def _in_party_cell(post: Post, gaz: Gazetteer) -> bool:
    """Is the post one in a party organ of the body it serves, with no other body named (``Bí thư Đảng ủy``,
    ``Bí thư`` + ``Ban cán sự Đảng``)?"""
    title, organization = post
    return (organization or "") in gaz.party_cells or (
        organization is None and any(title.endswith(" " + cell) for cell in gaz.party_cells))


def _post_ending(words: list[Word], k: int, text: str, gaz: Gazetteer,
                 body_ending: dict[int, Entity]) -> tuple[Post, int] | None:
    """A ``<title> [<body>]`` ending just before word ``k``, and the index where it starts."""
    found = _post_ending_at(words, k, text, gaz, body_ending)
    if found is None and k > 3 and words[k - 1].text == ")" and words[k - 3].text == "(" \
            and words[k - 2].is_abbreviation and words[k - 4].end in body_ending:
        # "Giám đốc Đài Phát thanh - Truyền hình tỉnh (TRT) <name>": the body's abbreviation after it.
        found = _post_ending_at(words, k - 3, text, gaz, body_ending)
        if found is not None and found[0][1]:  # the abbreviation stays with the body, as the loose reading keeps it
            found = (found[0][0], f"{found[0][1]} {text[words[k - 3].start : words[k - 1].end]}"), found[1]
    return found


def _post_ending_at(words: list[Word], k: int, text: str, gaz: Gazetteer,
                    body_ending: dict[int, Entity]) -> tuple[Post, int] | None:
    body = body_ending.get(words[k - 1].end) if k > 0 else None
    start = k
    if body is not None:
        while start > 0 and words[start - 1].start >= body.start:
            start -= 1
    elif (place := _admin_place_ending(words, k, text, gaz)) is not None \
            and (found := gaz.title_index.match_ending(words, place, text)):
        # "Phó Chủ tịch tỉnh Quảng Ngãi", "Chủ tịch xã Tân Lập": the post named by its place, not its body.
        return _head_with_place(found[0], text[words[place].start : words[k - 1].end], gaz), place - found[1]
    elif place is not None and (unit := _sub_commune_word_at(words, place, text)) \
            and (found := gaz.title_index.match_ending(words, place + unit, text)) and found[1] > unit:
        # "Trưởng thôn Phú Lợi <name>": a title that ends in the place word itself.
        return (found[0], text[words[place].start : words[k - 1].end]), place + unit - found[1]
    elif sector := gaz.sector_index.match_ending(words, k, text):
        # A ministry fused into the title: "Bộ trưởng Thông tin và Truyền thông Nguyễn Mạnh Hùng".
        found = gaz.title_index.match_ending(words, k - sector[1], text)
        if found and found[0] in FUSED_MINISTRY_TITLES:
            return (found[0], f"Bộ {sector[0]}"), k - sector[1] - found[1]
        return None
    found = gaz.title_index.match_ending(words, start, text)
    if found is None and body is not None and (link := gaz.title_links.match_ending(words, start, text)) \
            and (linked := gaz.title_index.match_ending(words, start - link[1], text)):
        # "Phó Giám đốc phụ trách | Sở Nội vụ <name>", "Giám đốc điều hành thuộc | Tập đoàn …": a title, a link word.
        return (linked[0], _organization(body)), start - link[1] - linked[1]
    if found is None and body is not None and (unit := _lowercase_unit_before(words, start, text, gaz)):
        # "Trưởng phòng pháp chế | Chi cục Kiểm lâm …": a unit written in lowercase, inside the body that follows.
        return (unit[0], f"{gaz.title_body_head[unit[0]]} {text[words[unit[1]].start : body.end]}"), unit[2]
    if found is None and body is not None and (whole := gaz.title_index.match_ending(words, k, text)) \
            and k - whole[1] < start:
        # A title that names its body whole: "Thường trực Ban Bí thư <name>".
        return (whole[0], _organization(body)), k - whole[1]
    if found is None and body is not None:
        # The title ends in the body's head word: "Chánh Văn phòng | UBND tỉnh", "Trưởng Ban | Tuyên giáo".
        for m in range(start + 1, min(start + MAX_SHARED_HEAD_WORDS, k) + 1):
            shared = gaz.title_index.match_ending(words, m, text)
            if shared and m - shared[1] < start:
                return (shared[0], _organization(body)), m - shared[1]
    if found is None:
        return _fused_body_post(words, k, text, gaz) if body is None else None
    return (found[0], _organization(body) if body else None), start - found[1]


MAX_PLACE_NAME_WORDS = 4


def _admin_place_ending(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int | None:
    """Where an administrative word and the capitalised place name after it (``tỉnh Quảng Ngãi``, ``xã Tân
    Lập``, ``TP. Huế``) start, when they end just before word ``k``; None otherwise."""
    for m in range(k - 1, max(k - MAX_PLACE_NAME_WORDS, 0) - 1, -1):
        if not _is_name_word(words[m]) or (m < k - 1 and text[words[m].end : words[m + 1].start] != " "):
            return None
        for n in (1, 2):
            if m - n >= 0 and (admin_word_at(words, m - n, text) == n or _sub_commune_word_at(words, m - n, text) == n):
                return m - n
    return None


def _head_with_place(title: str, place: str, gaz: Gazetteer) -> Post:
    """``Bí thư Đảng ủy`` + ``xã Tân Lập``: a title that ends in a body's head gives that head to the place
    (``Bí thư`` of ``Đảng ủy xã Tân Lập``); other titles keep the place as their organisation."""
    for head in [*(h.head for h in gaz.heads), *gaz.party_cells]:  # "Bí thư Chi bộ" + "thôn Đông" too
        short = title[: -len(head) - 1]
        if title.endswith(" " + head) and short in gaz.title_priority:
            return short, f"{head} {place}"
    return title, place


def _place_after_title(words: list[Word], k: int, text: str, gaz: Gazetteer) -> tuple[int, int] | None:
    """A place naming a post, at word ``k`` right after its title: an administrative word and a capitalised name
    (``huyện Mường Tè``), or a country and where its post is held (``Hàn Quốc tại Việt Nam``). Returns where the
    place naming the post ends and where the phrase ends; None otherwise."""
    if n := admin_word_at(words, k, text) or _sub_commune_word_at(words, k, text):
        m = k + n
        while m < len(words) and m - k - n < MAX_PLACE_NAME_WORDS and _is_name_word(words[m]) \
                and text[words[m - 1].end : words[m].start] in (" ", ""):
            m += 1
        return (m, m) if m > k + n else None
    n = known_place_at(words, k, text, gaz, levels=("country",))
    if not n:
        return None
    end = k + n
    if end + 1 < len(words) and words[end].text == "tại" and (m := known_place_at(words, end + 1, text, gaz)):
        return end, end + 1 + m
    return end, end


SUB_COMMUNE_WORDS = tuple(read_lines("sub_commune_words.txt"))  # thôn, bản, ấp, khu phố …


def _sub_commune_word_at(words: list[Word], k: int, text: str) -> int:
    """Length in words of ``thôn``, ``ấp``, ``khu phố``, ``tổ dân phố`` at word ``k`` (a place below a commune,
    "Bí thư Chi bộ | thôn Đông"), or 0."""
    return next((len(w.split()) for w in SUB_COMMUNE_WORDS
                 if k < len(words) and text.startswith(w + " ", words[k].start)), 0)


MAX_UNIT_WORDS = 3


def _lowercase_unit_before(words: list[Word], start: int, text: str, gaz: Gazetteer) -> tuple[str, int, int] | None:
    """``Trưởng phòng | pháp chế`` ending before word ``start``: a title whose body head ends it, then one to three
    lowercase words naming the unit. Returns the title, where the unit's name starts and where the title starts."""
    for m in range(start - 1, max(start - MAX_UNIT_WORDS, 0) - 1, -1):
        word = words[m]
        if not word.is_word or word.is_capitalized or word.text in gaz.name_stopwords:
            return None
        found = gaz.title_index.match_ending(words, m, text)
        if found and found[0] in gaz.title_body_head:
            return found[0], m, m - found[1]
    return None


def _organization(body: Entity) -> str:
    """A body as written, its head capitalised: "phòng Kinh tế" of "Trưởng phòng Kinh tế" is the Phòng."""
    return body.text[:1].upper() + body.text[1:]


def _fused_body_post(words: list[Word], k: int, text: str, gaz: Gazetteer) -> tuple[Post, int] | None:
    """``Trưởng ban Tổ chức Trung ương <name>``, ``Cục trưởng Thú y <name>``: the body (``Ban Tổ chức Trung ương``,
    ``Cục Thú y``) fused into the title."""
    for start in range(k - 1, max(k - MAX_FUSED_NAME_WORDS, 0) - 1, -1):
        found = gaz.title_index.match_ending(words, start, text)
        head = found and (gaz.title_body_head.get(found[0])
                          or (words[start].is_capitalized and gaz.title_fused_head.get(found[0])))
        if found and head:
            between = text[words[start].start : words[k - 1].end]
            return (found[0], f"{head} {between}"), start - found[1]
        word = words[start]
        if not (word.is_word or word.text in ("-", "–") or _glued_dot(words, start, text)) \
                or word.text in gaz.name_stopwords:
            return None
    return None


def _title_left(words: list[Word], i: int, text: str, gaz: Gazetteer,
                body_ending: dict[int, Entity], apposition: bool = False, loose: bool = True) -> Post | None:
    """``[<post>, ]<title> [<body>] <name>``: stacked posts read leftwards, the main office chosen.
    ``apposition``: the post ends before a comma and an honorific; a post the gazetteers do not know must then
    open its clause ("Giám đốc Trung tâm … của Bộ GD-ĐT, ông A", not "… được cử làm Chủ tịch Hội, ông B")."""
    posts: list[Post] = []
    k = i
    while k > 0 and len(posts) < MAX_STACKED:
        found = _post_ending(words, k, text, gaz, body_ending)
        if found is None:
            break
        posts.insert(0, found[0])
        k = found[1]
        if k > 0 and words[k - 1].text == ",":
            k -= 1
        else:
            break
    if not posts and loose and (found_loose := _loose_post(words, i, text, gaz)):
        start = found_loose[1]
        if not apposition or start == 0 or words[start - 1].text in CLAUSE_OPENERS:
            posts.append(found_loose[0])
    if not posts and not apposition and (parent := _parent_body_ending(words, i, body_ending)) is not None:
        # "Vụ phó Pháp chế, Bộ Ngoại giao <name>": a post, a comma, then the body it belongs to.
        inner = _title_left(words, parent[1], text, gaz, body_ending, apposition=False, loose=loose)
        if inner is not None and inner[1]:
            posts.append((inner[0], f"{inner[1]}, {parent[0].text}"))
    return _best(posts, gaz, require_body_for_concurrent=True)


def _parent_body_ending(words: list[Word], k: int, body_ending: dict[int, Entity]) -> tuple[Entity, int] | None:
    """A body ending just before word ``k`` and preceded by a comma, with the index of that comma."""
    body = body_ending.get(words[k - 1].end) if k > 0 else None
    if body is None:
        return None
    m = k - 1
    while m > 0 and words[m].start > body.start:
        m -= 1
    return (body, m - 1) if m > 1 and words[m].start == body.start and words[m - 1].text == "," else None


MAX_LOOSE_BODY_WORDS = 12
MAX_LOWERCASE_SYLLABLES = 4  # "Sở Tài nguyên - môi trường": lowercase syllables that continue a capitalised word
MAX_PARENTHESISED = 8
LOOSE_CONNECTORS = ("và", "của", "tại", "-", "–", "&")
CLAUSE_OPENERS = (",", ".", ":", ";", "\n", "Theo", "theo", "“", "\"")


def _loose_post(words: list[Word], k: int, text: str, gaz: Gazetteer) -> tuple[Post, int] | None:
    """``<title> <body the gazetteers do not know> <name>``: ``Chủ nhiệm Ủy ban Kinh tế và ngân sách của Quốc hội
    …``, ``Giám đốc Sở Tài nguyên - môi trường …``. The words between are read as the organisation when they open
    with a body's head, a field, a known body or a place, and read like a name (capitalised words, abbreviations,
    lowercase syllables continuing them, connectors), never like a clause."""
    start = k
    while start > 0 and k - start < MAX_LOOSE_BODY_WORDS:
        start -= 1
        word = words[start]
        if word.text == ")":  # "Tổng công ty Điện lực (EVN) <name>": step over what the parentheses hold
            start = next((m for m in range(start - 1, max(start - MAX_PARENTHESISED, 0) - 1, -1)
                          if words[m].text == "("), -1)
            if start <= 0:
                return None
            continue
        if not (word.is_word or word.text in LOOSE_CONNECTORS or _glued_dot(words, start, text)):
            return None
        found = gaz.title_index.match_ending(words, start, text)
        if found is None:
            continue
        first = start + (words[start].text == "nước")  # "Đại sứ … nước CHND Trung Hoa tại Việt Nam <name>"
        between = _outside_parentheses(words[first:k])
        if not between or not _reads_as_body(between, text, gaz):
            return None
        last = k
        at = next((m for m in range(first + 1, k) if words[m].text == "tại"), None)
        if at is not None and known_place_at(words, at + 1, text, gaz) == k - at - 1:
            last = at  # "CHND Trung Hoa tại Việt Nam": the body is the country's, the place is where it serves
        return (found[0], text[words[first].start : words[last - 1].end]), start - found[1]
    return None


def _glued_dot(words: list[Word], m: int, text: str) -> bool:
    """Is word ``m`` a full stop inside an abbreviation (``T.Ư``, ``TP.HCM``, ``Q.5``), not ending a sentence?"""
    return (words[m].text == "." and 0 < m < len(words) - 1 and words[m - 1].end == words[m].start
            and words[m].end == words[m + 1].start and words[m + 1].is_word)


def _outside_parentheses(words: list[Word]) -> list[Word]:
    depth, kept = 0, []
    for word in words:
        depth += (word.text == "(") - (word.text == ")")
        if depth == 0 and word.text != ")":
            kept.append(word)
    return kept


def _reads_as_body(between: list[Word], text: str, gaz: Gazetteer) -> bool:
    first, last = between[0], between[-1]
    if not (first.is_capitalized and (gaz.head_index.match(between, 0, text) or gaz.sector_index.match(between, 0, text)
                                      or gaz.known_index.match(between, 0, text) or gaz.place(first.text)
                                      or first.is_abbreviation)):
        return False
    if last.text in LOOSE_CONNECTORS:
        return False
    lowercase = 0
    for m, word in enumerate(between):
        if word.is_capitalized or word.is_abbreviation or not word.is_word:
            lowercase = 0
            continue
        if word.text in LOOSE_CONNECTORS:
            lowercase = 0
            continue
        if admin_word_at(between, m, text):
            lowercase = 0
            continue
        lowercase += 1
        if word.text in gaz.name_stopwords or lowercase > MAX_LOWERCASE_SYLLABLES:
            return False
        previous = between[m - 1].text
        if lowercase == 1 and not (between[m - 1].is_capitalized or previous in LOOSE_CONNECTORS):
            return False
    return True


def _title_right(words: list[Word], j: int, text: str, gaz: Gazetteer,
                 body_at: dict[int, Entity]) -> Post | None:
    """``<name>, <title> <body>[, <title> <body>]`` or ``<name> - <title> …``: the main office."""
    if (j + 1 < len(words) and words[j].text == "(" and (body := body_at.get(words[j + 1].start)) is not None
            and body.attrs.get("kind") == "legislature" and DELEGATION.search(body.text)):
        # "Đại biểu Nguyễn Thị Nga (Đoàn ĐBQH tỉnh Hải Dương)": a deputy, named with the delegation.
        return DEPUTY, _organization(body)
    if (j < len(words) and words[j].text == "(" and not gaz.title_index.match(words, j + 1, text)
            and not gaz.honorific_index.match(words, j + 1, text)):  # "Dương Tuấn Anh (ảnh trên) - Chủ tịch …"
        close = next((m for m in range(j, min(j + 8, len(words))) if words[m].text == ")"), None)
        j = close + 1 if close is not None else j
    predicate = gaz.title_predicates.match(words, j, text)
    if predicate and gaz.title_index.match(words, j + predicate[1], text):
        k = j + predicate[1]  # "ông A hiện là Giám đốc Sở …": the post as a predicate
    elif j < len(words) and words[j].text in RIGHT_SEPARATORS:
        k = j + 1
    elif j < len(words) and words[j].is_capitalized and (found := gaz.title_index.match(words, j, text)) \
            and gaz.title_priority.get(found[0], 2) > 0:
        k = j  # "Ông Lê An Giám đốc Sở Y tế cho biết": the post right after the name, its comma left out
    else:
        return None
    posts: list[Post] = []
    joined = False
    skipped = False
    while len(posts) < MAX_STACKED:
        k = _over_modifiers(words, k, text, gaz)  # "…, nguyên Chủ tịch UBND tỉnh", "…, nguyên là Chủ tịch …"
        found = gaz.title_index.match(words, k, text)
        if found is None and not skipped and (after := _after_unknown_post(words, k, text, gaz)):
            # "…, UVBTV Tỉnh ủy, Trưởng ban …": a post written in a form the gazetteer lacks, then a known one.
            k, skipped = after, True
            continue
        if found is None:
            break
        title = found[0]
        k += found[1]
        link = gaz.title_links.match(words, k, text)
        if link and k + link[1] < len(words) and words[k + link[1]].start in body_at:
            k += link[1]  # "Phó Giám đốc phụ trách | Sở Tư pháp"
        body = body_at.get(words[k].start) if k < len(words) else None
        organization = _organization(body) if body else None
        if body is not None:
            while k < len(words) and words[k].start < body.end:
                k += 1
        elif title in FUSED_MINISTRY_TITLES and (sector := gaz.sector_index.match(words, k, text)):
            organization = f"Bộ {sector[0]}"
            k += sector[1]
        elif k < len(words) and (inside := next((b for b in body_at.values()
                                                  if b.start < words[k].start < b.end), None)):
            # The title swallowed the start of a body ("Ủy viên Ban Thường vụ | Tỉnh ủy"): step over its rest.
            organization = _organization(inside)
            while k < len(words) and words[k].start < inside.end:
                k += 1
        elif k < len(words) and (place := _place_after_title(words, k, text, gaz)):
            # "…, Chủ tịch huyện Mường Tè", "…, Đại sứ Hàn Quốc tại Việt Nam": a post named by its place.
            title, organization = _head_with_place(title, text[words[k].start : words[place[0] - 1].end], gaz)
            k = place[1]
        elif k < len(words) and (unknown := _unknown_body_end(words, k, text, gaz)):
            # "Phó Bí thư Đảng ủy, …", "Bí thư Chi bộ thôn Đông": a body the gazetteers do not know, up to the comma.
            organization = text[words[k].start : words[unknown - 1].end]
            title, organization = _split_head_from_title(title, organization, gaz)
            k = unknown
        if posts and joined and posts[-1][1] is None:
            posts[-1] = (posts[-1][0], organization)  # "Chủ tịch kiêm Tổng Giám đốc Công ty …": one body
        posts.append((title, organization))
        joined = k < len(words) and words[k].text == "kiêm"
        if k < len(words) and words[k].text in (",", "kiêm"):
            k += 1
        else:
            break
    return _best(posts, gaz, require_body_for_concurrent=False)


MAX_UNKNOWN_POST_WORDS = 5
POST_LIST_ENDS = (",", ";", ".", ":", "\n", ")", "(")


def _after_unknown_post(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int | None:
    """Where the next post starts when the one at ``k`` is a short capitalised phrase the gazetteer lacks
    (``UVBTV Tỉnh ủy``, ``Trung tướng``) or an honour in lowercase (``nhà giáo ưu tú``), and a comma then a known
    title follow; None otherwise."""
    if k >= len(words) or not words[k].is_word or admin_word_at(words, k, text):
        return None  # "…, quận 10, …": where the person lives or works, not a post
    for m in range(k + 1, min(k + MAX_UNKNOWN_POST_WORDS + 1, len(words) - 1)):
        if words[m].text == ",":
            return m + 1 if gaz.title_index.match(words, m + 1, text) else None
        if not (words[m].is_capitalized or words[m].is_word) or words[m].text in gaz.name_stopwords:
            return None
    return None


def _unknown_body_end(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int | None:
    """End of a capitalised body name right after a title that no recogniser found (``Đảng ủy``, ``Chi bộ thôn
    Đông``): capitalised words, abbreviations and lowercase syllables continuing them, ending in a capital, and
    followed by punctuation or a verb; None when it does not read as a name."""
    if not (words[k].is_capitalized and words[k].is_word) or _is_name_start(words, k, text, gaz):
        return None
    end, m, lowercase = None, k, 0
    while m < len(words) and m - k < MAX_LOOSE_BODY_WORDS:
        word = words[m]
        if word.text in POST_LIST_ENDS or word.text == "kiêm":
            return m if end else None  # "Đảng ủy," : the name runs to the punctuation
        if word.text in gaz.name_stopwords:
            break
        if not word.is_word or _is_name_start(words, m, text, gaz):
            return None
        lowercase = 0 if word.is_capitalized or word.is_abbreviation else lowercase + 1
        if lowercase > MAX_LOWERCASE_SYLLABLES:
            return None
        if word.is_capitalized or word.is_abbreviation:
            end = m + 1
        m += 1
    return end


def _split_head_from_title(title: str, organization: str, gaz: Gazetteer) -> Post:
    """``Bí thư Đoàn`` + ``Thanh niên xã Phú Mỹ``: a listed title whose last word opens the unknown body's name
    gives that word back to the body (``Bí thư`` of ``Đoàn Thanh niên xã Phú Mỹ``)."""
    base, _, last = title.rpartition(" ")
    if base in gaz.title_priority and last[:1].isupper() and organization[:1].isupper():
        return base, f"{last} {organization}"
    return title, organization


def _is_name_start(words: list[Word], k: int, text: str, gaz: Gazetteer) -> bool:
    return words[k].text in gaz.surnames and k + 1 < len(words) and _is_name_word(words[k + 1]) \
        and text[words[k].end : words[k + 1].start] == " "


def _over_modifiers(words: list[Word], k: int, text: str, gaz: Gazetteer) -> int:
    """Index of the title after the qualifiers at ``k`` ("nguyên", "hiện là", "nguyên là"), else ``k``."""
    m = k
    while (found := gaz.title_modifiers.match(words, m, text) or gaz.title_predicates.match(words, m, text)):
        m += found[1]
        if gaz.title_index.match(words, m, text):
            return m
    return k


def _short_mentions(words: list[Word], text: str, gaz: Gazetteer, people: list[Entity],
                    taken: list[tuple[int, int]], body_at: dict[int, Entity]) -> list[Entity]:
    """``ông Thắng`` after ``ông Hồ Thắng``: the same person, with the full mention's fields. A short mention
    that states a post (``Ông Thắng hiện là Giám đốc Sở …``) gives it to every mention of that person."""
    posts: dict[str, Post] = {}
    by_last: dict[str, Entity] = {}
    for person in people:
        name = str(person.attrs["name"])
        by_last.setdefault(name.split()[-1], person)
        by_last.setdefault(" ".join(name.split()[-2:]), person)
    covered = Coverage([(p.start, p.end) for p in people] + taken)
    found = []
    for i, word in enumerate(words):
        if not _is_name_word(word) or covered(word):
            continue
        honorific = _honorific_before(words, i, text, gaz)
        # "Chủ tịch Thọ" after "Chủ tịch UBND tỉnh Phan Ngọc Thọ": a title, then the given name alone.
        title = None if honorific else gaz.title_index.match_ending(words, i, text)
        if title and text[words[i - 1].end : word.start] != " ":
            title = None
        if not title and (not honorific or honorific[0] not in ("ông", "bà", "đồng chí")):
            continue
        n = 2 if i + 1 < len(words) and _is_name_word(words[i + 1]) else 1
        candidate = text[word.start : words[i + n - 1].end]
        full = by_last.get(candidate) or by_last.get(word.text)
        # The full name usually comes first; a headline or caption may use the short one before it ("Ông Thắng: …").
        if full is None or (title and full.type != "official"):
            continue
        if candidate not in by_last:
            if title and n == 2:
                continue  # "Chủ tịch Thọ Xuân …": a capitalised run goes on, not a short name
            n, candidate = 1, word.text
        attrs = {**full.attrs, "short_form": candidate}
        if honorific:
            attrs["honorific"] = honorific[0]
        found.append(Entity(full.type, candidate, word.start, words[i + n - 1].end, attrs))
        if full.type == "person" and (post := _title_right(words, i + n, text, gaz, body_at)):
            posts.setdefault(str(full.attrs["name"]), post)
    for person in [*people, *found]:
        if person.type == "person" and (post := posts.get(str(person.attrs["name"]))):
            person.type = "official"
            person.attrs.update(title=post[0], organization=post[1])
    return found
