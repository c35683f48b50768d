"""Counts of things ("264 mô hình", "hơn 10.000 cán bộ", "27/27 xã", "trên 80% khu dân cư") and,
kept apart, amounts of money and measures ("500 triệu đồng", "12 ha").

One pattern finds every numeric expression; each is then read left (comparator, exclusions such
as article numbers and names) and right (percent, scale word, unit, counted noun phrase)."""
from __future__ import annotations

import bisect
import collections
import functools
import re

import regex

from vietmine.extractors.dates import document_year
from vietmine.gazetteer import MEMO_ENTRIES, alternation, load_json, trie_alternation
from vietmine.gazetteer.words import dictionary_words
from vietmine.gazetteer.cache import persistent
from vietmine.facts import Amount, Count, Document

_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")
_BARE_YEAR = regex.compile(r"(?:19|20)\d{2}")
_ROMAN = regex.compile(r"[IVXLC]+")
_TABLE_CELL_BEFORE = regex.compile(r"[\d)%][ \t]+$")
_TABLE_CELL_AFTER = regex.compile(r"[ \t]+\d")
_LABEL_NUMBER_AFTER = regex.compile(r"[ \t]*\d")
_CLAUSE_BREAK = regex.compile(r"[;!?\n]|\.(?!\d)")
_NEIGHBOUR_FIGURE_BEFORE = regex.compile(r"(?<![\d.,/+×x–-])(\d{1,2})(?:,| hoặc| hay) $")
_LETTERS_ONLY = regex.compile(r"[\p{L} ]*")
_WORD_BEFORE = regex.compile(r"(?:^|[^\p{L}])(\p{L}+)\s+$", regex.REVERSE)
_OPENERS = " \t\n\"'“”‘’«»([-–—*•·"
_NOT_LETTERS = "([{\"'“‘«-–—.,;:!?/*•·…"
_COORDINATED_BEFORE = regex.compile(r"(?:\d+(?:\s+\p{L}+)?\s*(?:,|và|hoặc|-|–)\s*)+$")
_BOUND_BEFORE = regex.compile(r"(?:(?<=\s)|^)(?:đến|tới|dưới|trên|từ|hơn)\s+$")
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# Where a numeric expression may start: the first digit of a run, not after what the look-behind of
# the number pattern refuses whatever the text (a separator, an ASCII letter, a digit and a slash)
_DIGITS = regex.compile(r"(?<![\d.,:\-–A-Za-z])(?<!\d/)(?<!(?:^|[\s\d'])\+)\d+")  # not "+224" (a dialling code), "Km 1632+100", "90'+2"


class _Rules:
    def __init__(self):
        cfg = load_json("counts.json")
        legal_types = [t["word"] for t in load_json("legal.json")["types"]]
        self.numeric = regex.compile(
            rf"(?:(?<=\p{{L}}/)|(?<![\p{{L}}\d/.,:\-–]))(?:(?P<from>[Tt]ừ)\s+)?(?P<a>{_NUM})"
            rf"(?:\s*(?P<pct_a>%)?\s*(?:-|–|đến|tới)\s*(?P<b>{_NUM}))?(?:\s*/\s*(?P<den>\d{{1,3}}(?:\.\d{{3}})+|\d{{1,6}}))?"
            rf"(?![\p{{L}}\d/]|[.,:\-]\d)")
        nw = cfg["number_words"]
        self.number_words = nw
        self.neighbour_word_before = regex.compile(
            rf"(?<![\p{{L}}\d.,/+×–-])({alternation(cfg['neighbour_number_words'])})(?:,| hoặc| hay|) $", regex.I)
        self.idioms = re.compile(rf"(?<!\w)(?:{trie_alternation(cfg['idioms_with_numbers'])})(?!\w)", re.I)
        self.idiom_reach = max(map(len, cfg["idioms_with_numbers"])) + 1  # how far around a figure one can stand
        cont = [w for w in nw if w not in ("năm", "tư")]
        self.worded = regex.compile(
            rf"(?<!\p{{L}})(?P<w>(?:{alternation(cfg['number_word_starts'])})(?:\s+(?:{alternation(cont)}))*)(?!\p{{L}})",
            regex.I)
        self.worded_starts = [w.lower() for w in cfg["number_word_starts"]]
        # one pattern per first word ("hàng", "cả"), tried where its first word stands
        firsts = {v.split()[0] for v in cfg["vague_quantities"]}
        self.vague_firsts = [f.lower() for f in sorted(firsts)]
        self.vague_lower = tuple(v.lower() for v in cfg["vague_quantities"])
        # (not "tất cả triệu chứng": all symptoms)
        self.vague = [regex.compile(rf"(?<!\p{{L}})(?<!tất\s)(?P<v>{alternation([v for v in cfg['vague_quantities'] if v.split()[0] == f])})"
                                    r"(?!\p{L})", regex.I) for f in sorted(firsts)]
        self.vague_values = cfg["vague_quantities"]
        # "năm" is five only where a year cannot stand: after these words or opening a sentence
        # (or after a comma, "và", "hoặc" next to another count: "sáu người bị cảnh cáo, năm người bị khiển trách")
        self.five = regex.compile(rf"(?:(?<=(?:^|[.!?:;\n])[ \t]{{0,3}})|(?<=(?<!\p{{L}})(?:{alternation(cfg['five_after'])})[ \t])"
                                  r"|(?<=(?P<link>,|(?<!\p{L})(?:và|hoặc))[ \t])"
                                  r"|(?<=(?<!\p{L})(?P<verb>\p{Ll}+(?:[ \t]\p{Ll}+)?)[ \t]))[Nn]ăm(?=[ \t]+(?P<next>\p{Ll}+))")
        self.five_heads = set(cfg["categories"]) | set(cfg["nouns"]) | set(cfg["classifiers"]) | {"lần"}
        # The words right before a number that name it ("Điều 5", "Chỉ thị 09") are looked up as words:
        # a set is faster than a regex of 200 words, and this runs for every number. A document type
        # in lower case that is also a verb ("thông báo 3 lần", "báo cáo 2 em") is left out.
        lower_types = [t.lower() for t in legal_types if t.lower() not in cfg["document_types_also_verbs"]]
        self.excluded_words = set(cfg["excluded_before"])
        self.document_words = set(legal_types + lower_types)
        self.label_words = max(w.count(" ") + 1 for w in self.excluded_words | self.document_words)
        self.syllable = regex.compile(cfg["vietnamese_syllable"])
        self.foreign_words_before_counts = set(cfg["foreign_words_before_counts"])
        self.not_labels = set(cfg["words_ending_in_a_label_word"])
        self.words_ending_in_a_number_word = set(cfg["words_ending_in_a_number_word"])
        self.words_starting_with_a_number_word = set(cfg["words_starting_with_a_number_word"])
        self.label_ends = {w.rsplit(None, 1)[-1] for w in self.excluded_words | self.document_words}
        # The "...before" patterns end at "$" and are searched on the text left of a number: searching in
        # reverse tries the end first instead of every position (3x faster). All in one search, told apart
        # only when it matches (a grade or a place's name excludes only a number of one or two digits).
        patterns = [f"(?:{x})" for x in cfg["excluded_before_patterns"]]
        small = [f"(?:{cfg['grade_before']})", f"(?:{cfg['numbered_place_before']})"]
        self.patterns_before = regex.compile("|".join(patterns), regex.REVERSE)
        self.pattern_last_words = set(cfg["pattern_last_words"])
        self.before_words_to_test = ({w.lower() for w in self.label_ends} | self.pattern_last_words | {"ngã"}
                                     | {w.rsplit(None, 1)[-1] for w in self.excluded_words})
        self.any_pattern_before = regex.compile("|".join(patterns + small), regex.REVERSE)
        self.small_label_before = regex.compile(
            rf"(?P<grade>{cfg['grade_before']})|(?:{cfg['numbered_place_before']})", regex.REVERSE)
        self.temporal_before = regex.compile(cfg["temporal_before"], regex.REVERSE)
        # ("và" links no labels: "Quận 9 và 32 đối tượng", "vào lớp 1 và 109.300 học sinh")
        self.coordination = regex.compile(r"\s*(?:,|(?P<and>hoặc|hay|-|–|đến|tới))\s*")
        self.place_unit_after = regex.compile(cfg["place_unit_after"])
        # after a figure, its scale word or a slash: "5000 m 2", "1 triệu m 3 cát", "234 μg/m 3"
        self.exponent_before = regex.compile(r"(?:\d|/|triệu|nghìn|ngàn)\s*(?:m|km|cm|dm|mm)\s+$", regex.REVERSE)
        # comparators in one search, tried in the order of counts.json ("trên dưới" before "dưới")
        cmp_groups = "|".join(f"(?P<c{i}>{c['pattern']})" for i, c in enumerate(cfg["comparators"]))
        self.cmp_any_before = regex.compile(rf"(?i)(?:^|[^\p{{L}}])(?:{cmp_groups})\s+$", regex.REVERSE)
        self.cmp_names = {f"c{i}": c["cmp"] for i, c in enumerate(cfg["comparators"])}
        self.out_of_before = regex.compile(r"\d\s+trên\s+$", regex.REVERSE)  # "52 trên 100 ghế": out of
        self.cmp_ends = {alt.split()[-1].lower() for c in cfg["comparators"] for alt in c["pattern"].split("|")}
        self.on_before = regex.compile(cfg["on_before"], regex.REVERSE)
        # "ít nhất là 3 người", "ít nhất phải có 4 nhà máy": a bound, then a verb before the figure
        gap = cfg["comparator_gap"]
        self.cmp_gap = regex.compile(
            rf"(?:{alternation(gap['bounds'])})\s+(?P<gap>(?:(?:{alternation(gap['modals'])})\s+)?"
            rf"(?:{alternation(gap['verbs'])}))\s+$", regex.REVERSE | regex.I)
        self.cmp_gap_ends = frozenset(gap["verbs"])
        self.rate_before = regex.compile(cfg["rate_of_change_before"], regex.REVERSE)
        self.scale = regex.compile(rf"^\s+(?P<s>{alternation(cfg['scale_words'])})(?!\p{{L}})")
        self.scale_values = cfg["scale_words"]
        self.scale_word_starting = regex.compile(rf"(?i)(?:{alternation(cfg['scale_words_starting'])})(?!\p{{L}})")
        self.grouped_with_comma = regex.compile(r"\d{1,3},\d{3}")
        self.scale_initials = {w[0] for w in self.scale_values} | {w[0].upper() for w in self.scale_values}
        self.unit_after_scale = regex.compile(rf"^\s*(?P<u>{alternation(cfg['units_after_scale'])})(?![\p{{L}}\d])")
        self.percent = regex.compile(r"^\s*(?:%|phần trăm(?!\p{L}))")
        self.paren = regex.compile(r"^\s*\([^()\n]{1,25}\)")
        # "từ 10 người trở lên", "80% trở lên số chi bộ", "hai liệt sĩ trở lên": a bound after the number or the phrase
        self.bound_after = regex.compile(rf"^[ \t]*(?P<b>{alternation(cfg['bound_after'])})(?!\p{{L}})")
        self.bound_names = cfg["bound_after"]
        # after the counted phrase, a few lower-case words of it between ("4 cơ sở khám chữa bệnh trở lên")
        self.bound_after_phrase = regex.compile(
            rf"(?:[ \t]+\p{{Ll}}[\p{{Ll}}\p{{M}}]*){{1,{cfg['bound_after_phrase_words']}}}?[ \t]*"
            rf"(?P<b>{alternation(cfg['bound_after'])})(?=[ \t]*(?:[^\s\p{{L}}]|$|(?:{alternation(cfg['words_after_a_bound'])})(?!\p{{L}})))")
        # (factored by common prefixes: tried after every number, three times faster than a flat alternation;
        # the longer unit still wins: "km2" over "km")
        self.unit = regex.compile(rf"^\s*(?P<u>{trie_alternation(cfg['amount_units'])})(?![\p{{L}}\d])")
        self.unit_only_before = {u: regex.compile(p) for u, p in cfg["unit_only_before"].items()}
        self.unit_values_above = cfg["unit_values_above"]
        self.unit_only_near = {u: regex.compile(p) for u, p in cfg["unit_only_near"].items()}
        self.not_heads = set(cfg["not_count_heads"])
        self.first_two_not_heads = {h for h in self.not_heads if " " in h}
        self.fraction = regex.compile(rf"[ \t]+phần[ \t]+(?:\d|(?:{alternation(cfg['number_words'])})(?!\p{{L}}))")
        self.heads_despite = set(cfg["heads_despite_not_count_heads"])  # "95 bị can": "bị" starts a noun
        self.pct_excluded = cfg["percent_excluded_heads"]
        self.money_after_scale = regex.compile(rf"(?i)(?:{alternation(cfg['money_nouns_after_a_scale'])})(?!\p{{L}})")
        # a phrase of words on the number's line; "đ/c" (đồng chí), "h/s" (học sinh) are one word
        word = rf"(?:(?:{alternation(cfg['slash_abbreviations'])})(?![\p{{L}}/])|\p{{L}}[\p{{L}}\d]*(?:-\p{{L}}+)?)"
        self.entity = regex.compile(rf"^[ \t\xa0]+(?P<e>{word}(?: {word}){{0,7}})")
        # "18 con/kg", "20 bàn/mùa", "7.222 người/km2": a rate per unit, not a count
        self.per_unit = regex.compile(rf"/\s*(?:{alternation(cfg['per_units'] + cfg['amount_units'])})(?![\p{{L}}])")
        self.not_count_acronyms = set(cfg["not_count_acronyms"])
        self.money_before = set(cfg["money_before"])
        self.per_time_after = regex.compile(cfg["per_time_after"])
        self.date_ratio_before = regex.compile(cfg["date_ratio_before"], regex.REVERSE)
        self.capitalised_nouns = set(cfg["capitalised_nouns"])
        # "gấp 3 lần", "tăng hơn 18 lần", "cao hơn 3 lần": a multiple, not occurrences
        self.multiple_before = regex.compile(cfg["multiple_before"], regex.REVERSE)
        self.multiple_after = regex.compile(cfg["multiple_after"])
        # "là 1 trong 9 xã", "trong số 7 trường hợp": one of a counted whole
        self.one_of = regex.compile(
            rf"^[ \t]+(?:trong|trên)[ \t]+(?:số[ \t]+)?(?P<n>{_NUM}|{alternation(cfg['number_word_starts'])})(?![\p{{L}}\d])")
        # "87% trong số 177,000 ca": the whole a percentage is a share of, and its figure
        self.share_of_whole = regex.compile(
            cfg["share_of_whole_after_percent"]
            + rf"(?:[ \t]+(?P<n>{_NUM})(?:[ \t]+(?:{alternation(cfg['scale_words'])})(?!\p{{L}}))*)?")
        self.share_of_whole_pronouns = frozenset(cfg["share_of_whole_pronouns"])
        # "đá 4 thay vì 6 trận": the figure given up shares the noun of the one after it
        self.instead_of = regex.compile(rf"{cfg['instead_of_before_a_figure']}(?:{_NUM})(?=[ \t])")
        self.parent_between = regex.compile(cfg["parent_link_between"])
        self.target = regex.compile(rf"(?i)\b(?:{'|'.join(regex.escape(w) for w in cfg['target_cues'])})\b")
        # the same words in the lower-case text, found first (most sentences hold none; a flat alternation
        # of literals is searched faster by `re` than by `regex`)
        self.target_words = re.compile("|".join(re.escape(w.lower()) for w in cfg["target_cues"]))
        self.year_in_sentence = regex.compile(r"(?i)\bnăm\s+((?:19|20)\d{2})\b")
        self.categories = sorted(cfg["categories"], key=len, reverse=True)
        self.determiners = regex.compile(rf"^(?:(?:{alternation(cfg['determiners'])})\s+)+", regex.I)
        self.single_word_determiners = {w for w in cfg["determiners"] if " " not in w}
        self.two_word_determiners = {w for w in cfg["determiners"] if " " in w}
        self.stop_words = set(cfg["entity_stop_words"])  # a counted phrase ends before these
        self.classifiers = set(cfg["classifiers"])
        self.classifier_nouns = set(cfg["classifier_nouns"])
        self.classifiers_alone_counted = set(cfg["classifiers_alone_counted"])
        self.classifiers_named_by_next = set(cfg["classifiers_named_by_next"])
        self.classifiers_kept_with_next = set(cfg["classifiers_kept_with_next"])
        self.event_classifiers = set(cfg["event_classifiers"])
        self.body_parts = set(cfg["body_parts"])
        self.figure_after = regex.compile(cfg["figure_after"])
        self.spec_units = regex.compile(rf"(?<!\p{{L}})(?:{trie_alternation(cfg['spec_units'])})(?![\p{{L}}\d])")
        self.spec_unit_words = tuple(cfg["spec_units"])
        self.spec_phrases = regex.compile(rf"(?<!\p{{L}})(?:{trie_alternation(cfg['spec_phrases'])})(?!\p{{L}})")
        self.counted_in_specs = set(cfg["counted_in_specs"])
        self.agent_prefixes = set(cfg["agent_prefixes"])
        self.agent_suffixes = set(cfg["agent_suffixes"])
        self.nouns = (set(cfg["nouns"]) | {c for c in cfg["categories"] if " " in c} | self.classifier_nouns
                      | self.heads_despite)
        self.nouns_despite_verbs = set(cfg["verbal_nouns"]) | set(cfg["categories"]) | set(cfg["nouns"])
        self.verbs = set(cfg["verbs"]) | set(cfg["verbs_extra"]) | set(cfg["verbs_bench"])
        self.verb_compounds = set(cfg["verb_compounds"]) - self.nouns_despite_verbs  # "đi theo", "ăn học"
        # a verb, an adjective or a particle after the number names no counted thing, unless also a noun
        self.predicates = ((self.verbs | self.verb_compounds | set(cfg["adjectives"]) | set(cfg["adjectives_bench"])
                            | set(cfg["particles"]))
                           - self.nouns_despite_verbs - set(cfg["adjectival_nouns"]))
        self.event_heads_and_instruments = set(cfg["event_heads"]) | set(cfg["instrument_heads"])
        self.adverbs = set(cfg["adverbs"])
        self.prepositions = set(cfg["prepositions_conjunctions"])
        self.words_read_apart = set(cfg["words_read_apart"])
        self.side_nouns = set(cfg["side_nouns"])
        self.sides_before = regex.compile(cfg["sides_before"], regex.REVERSE)
        self.street_named = regex.compile(rf"(?i:{alternation(cfg['street_words'])})\s+\p{{Lu}}")
        self.named_unit = regex.compile(cfg["named_unit_head"])
        # words after which a number may count an attribute noun ("có 50 chỗ ngồi", not "xe 50 chỗ")
        self.not_nouns = self.verbs | self.adverbs | self.prepositions | self.stop_words
        self.attribute_heads = set(cfg["attribute_heads"])
        self.not_ratios = set(cfg["not_ratios"])
        self.countable_after = regex.compile(rf"\s+(?:các\s+)?(?:{alternation(cfg['categories'])})(?!\p{{L}})")
        self.rate_cue_before = regex.compile(cfg["rate_cue_before"], regex.REVERSE)
        self.share_of_counted = regex.compile(r"^\s+(?:tổng\s+)?số\s+(?!tiền|vốn)\p{L}")
        # "một" next to a list separator, or before one that leads to a number: "một" is frequent, most are no count
        starts = f"(?:\\d|(?:một|{alternation(cfg['number_word_starts'])})\\s)"
        self.one_tail = regex.compile(r"ột(?=[ \t])")  # a literal: found fast, then "m"/"M" checked
        self.one = regex.compile(rf"(?<=(?:[,;]|\svà(?!\p{{L}}))\s{{0,3}}(?:\p{{Ll}}+\s+){{0,3}})[Mm]ột"
                                 rf"|[Mm]ột(?=[ \t]+trong[ \t]|[ \t][^.!?\n]{{0,80}}?(?:[,;]|\svà)\s*{starts})")
        self.not_after_one = set(cfg["not_after_one"])
        self.article_one_after = frozenset(cfg["article_one_after"])
        self.caps_before_counts = frozenset(cfg["caps_before_counts"])
        self.heads_after_caps = frozenset(cfg["heads_after_caps"])
        self.recipe_cue = regex.compile(cfg["recipe_cue"])
        self.first_word = regex.compile(r"\p{L}*")
        self.list_separator = regex.compile(r"\s*(?:[,;]|và|cùng|cùng với|[,;]\s*và)\s*")
        # parallel clauses of one noun: "cảnh cáo 12 người, khiển trách một người và buộc thôi việc một người"
        self.parallel_separator = regex.compile(r"\s*(?:[,;]|và|[,;]\s*và)(?!\p{L})\s*(?:\p{Ll}+\s+){1,3}")
        self.share_after_count = regex.compile(cfg["share_after_count"])
        self.share_in_part_before = regex.compile(cfg["share_in_part_before"], regex.REVERSE)
        self.change_before = regex.compile(cfg["change_before"], regex.REVERSE)
        self.change_list_before = regex.compile(cfg["change_list_before"])
        self.share_of_things = regex.compile(cfg["share_of_things"])
        self.share_heads = set(cfg["categories"]) | self.nouns | set(cfg["share_heads"])
        self.rate_verb = regex.compile(rf"(?<!\p{{L}})(?:{alternation(cfg['rate_verbs_after_a_count'])})(?!\p{{L}})")
        label = r"(?P<label>(?:\p{L}+\s+){1,4})"
        self.list_first = regex.compile(cfg["list_opener"] + label)
        self.list_next = regex.compile(r"\s*(?:[;,]\s*(?:và\s+)?|\s+và\s+)" + label)
        self.subset_cue = regex.compile(cfg["subset_cue_before"], regex.REVERSE)
        self.part_continues = regex.compile(cfg["subset_part_continues"])


@persistent("counts-rules", _Rules)
def rules() -> _Rules:
    return _Rules()


def parse_number(s: str) -> float:
    """'1.856' -> 1856, '1,5' -> 1.5, '02' -> 2 (Vietnamese separators)."""
    return float(s.replace(".", "").replace(",", "."))


def _parse_any(s: str) -> float | None:
    """A number in digits or in words."""
    return parse_number(s) if s[0].isdigit() else parse_number_words(s)


def parse_number_words(s: str) -> float | None:
    """'hai mươi mốt' -> 21, 'một trăm linh năm' -> 105, 'mười lăm' -> 15."""
    nw = rules().number_words
    total, current = 0, 0
    for w in s.lower().split():
        v = nw.get(w)
        if v is None:
            return None
        if w == "mươi":
            current = (current or 1) * 10
        elif w == "mười":
            current += 10
        elif v in (100,):
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return float(total + current)


@functools.cache
def _dictionary() -> frozenset[str]:
    """Lower-case words of two to four syllables: Viet74K's and the nouns of counts.json."""
    return dictionary_words() | set(rules().nouns) | rules().words_starting_with_a_number_word


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _first_word(phrase: str) -> str:
    """The first whole word of a lower-case phrase (see _each_word): "dự án đầu tư" -> "dự án"."""
    return next(_each_word(phrase.split()))


def _each_word(syl: list[str]):
    """Lower-case syllables cut into whole words, longest dictionary word first ("dự án đầu tư" ->
    "dự án", "đầu tư"; syllables no word covers stand alone), one at a time: a reader that stops at
    the first word it wants cuts the rest of the phrase no further."""
    r, words = rules(), _segments(syl)
    first = next(words, None)
    if first is None:
        return
    second = next(words, None) if first in r.agent_prefixes else None
    if second is not None and (" " in second or second in r.verbs):
        yield f"{first} {second}"  # "nhà lãnh đạo", "nhà đầu tư": the doer
    else:
        yield first
        if second is not None:
            yield second
    yield from words


def _segments(syl: list[str]):
    """The dictionary words of `_each_word`, before the doer is joined."""
    d, suffixes, i, count = _dictionary(), rules().agent_suffixes, 0, len(syl)
    while i < count:
        n = min(4, count - i)
        while n > 1 and " ".join(syl[i:i + n]) not in d:
            n -= 1
        if n > 1 and i + n < count and syl[i + n] in suffixes:
            n += 1  # "tình nguyện viên": the doer
        yield " ".join(syl[i:i + n])
        i += n


def _head_syllables(low: list[str]) -> int:
    """How many leading syllables form the head: the first word, or a classifier and the word after
    it ("con heo", "chiếc xe máy"); 0 for a classifier alone."""
    r = rules()
    skip = 1 if low[0] in r.classifiers and " ".join(low[:2]) not in r.classifier_nouns else 0
    if skip and len(low) == 1:
        return 0
    return skip + len(_first_word(" ".join(low[skip:skip + 4])).split())


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _cut_at_predicate(words: tuple[str, ...]) -> tuple[str, ...]:
    """The counted phrase without the predicate that follows it: it ends before an adverb, a
    one-syllable verb or a second verb ("2 xe máy | vượt lên", "trường hợp vi phạm | nói trên")."""
    r = rules()
    low = [w.lower() for w in words]
    head = _head_syllables(low)
    if head == 0 or head >= len(low):
        return words
    # "3 vụ cướp", "2 cuộc họp": the verb right after an event noun names the event ("dao phóng lợn": a tool its use)
    i, seen_verb, event = head, False, " ".join(low[:head]) in r.event_heads_and_instruments
    for w in _each_word(" ".join(low[head:]).split()):
        if w in r.adverbs or (w in r.verbs and (seen_verb or (" " not in w and not (event and i == head)))):
            return words[:i]
        seen_verb |= w in r.verbs
        i += w.count(" ") + 1
    return words


def _names_a_thing(words: list[str]) -> bool:
    """A capitalised phrase after a number counts only as an acronym ("48 DN", "Hai CLB") or a
    capitalised common noun ("2 Huy chương vàng", "13 Thủ tướng"); not a name ("hẻm 662 Bùi Đình Túy",
    "Ronaldo 7 Varane"), a currency or a measure ("3.000 HKD", "811 HP")."""
    first, r = words[0], rules()
    if first.isupper():
        return len(first) > 1 and first.isalpha() and first not in r.not_count_acronyms
    word = _first_word(" ".join(words[:4]).lower()) if len(words) > 1 else ""
    if " " in word and not all(w[0].isupper() for w in words[:word.count(" ") + 1]):
        return True  # a word of the dictionary: "2 Huy chương vàng", "2 Phó Giám đốc" (not a name: "63 Trần Khánh Dư")
    # "hai Phiếu thu bài thi", "9 Trạm biến áp", "2 Sở giao dịch": a counted noun before a lower-case word
    return first.lower() in r.capitalised_nouns and (len(words) == 1 or words[1].islower())


def _entity(rest: str) -> tuple[str, int] | None:
    """The counted noun phrase at the start of `rest` and where it starts, or None when no noun follows."""
    r = rules()
    m = r.entity.match(rest)
    if not m:
        return None
    e_start, e_end = m.span("e")
    if rest[e_end:e_end + 1] == "/" and r.per_unit.match(rest, e_end):
        return None
    found = _phrase(rest[e_start:e_end])
    if found is None or (found[1] == "phần" and r.fraction.match(rest)):
        return None  # "2 phần 3 thời gian", "7 phần nghìn giây": a fraction
    return found[0], e_start


def _share_of_whole(rest: str) -> tuple[str, int] | None:
    """The noun of the whole a percentage is a share of ("87% trong tổng số 21.000 công nhân") and
    where it starts in `rest`; None for a share of a measure ("41,4% trong số 2,46 triệu kg")."""
    r = rules()
    m = r.share_of_whole.match(rest)
    if m is None or (m["n"] and r.unit.match(rest[m.end():])):
        return None
    found = _entity(rest[m.end():])
    words = found and r.determiners.sub("", found[0].lower()).split()
    if not words or words[0] in r.share_of_whole_pronouns or " ".join(words[:2]) in r.share_of_whole_pronouns:
        return None  # "4,4% trong số họ", "70% trong số đó": the whole is named elsewhere
    return found[0], m.end() + found[1]


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _phrase(e: str) -> tuple[str, str] | None:
    """The counted phrase read from the words after a number and its first word, or None when they
    name no thing (what `_entity` decides from these words alone: memoised, as words recur)."""
    r = rules()
    words = e.split()
    total = False
    while words:
        two = " ".join(words[:2]).lower()
        if two in r.two_word_determiners:  # "tổng số", "toàn bộ"
            total |= two == "tổng số"
            words = words[2:]
        elif words[0].lower() in r.single_word_determiners:
            words = words[1:]
        else:
            break
    if not words or total and _first_word(" ".join(words[:4]).lower()) in r.verbs:
        return None  # "46,8% tổng số phát hành": a total of an activity, no things
    if len(words[0]) == 1 and words[0].isascii():
        return None  # a letter: "16-35 f/2.8"
    first_two = " ".join(words[:2]).lower()
    if first_two not in r.heads_despite and (words[0].lower() in r.not_heads or first_two in r.first_two_not_heads):
        return None
    if words[0][0].isupper() and not _names_a_thing(words):
        return None
    if words[0].lower() in r.adverbs and _first_word(" ".join(words[:2]).lower()) in r.adverbs:
        return None  # "cả hai đều ...", "cả hai chỉ dừng": no noun follows
    if len(words) >= 2 and all(len(w) > 1 and w.isupper() for w in words[:2]):
        return None  # a heading after a page number ("14 CÔNG BÁO/Số 261")
    kept = [words[0]]
    for w in words[1:]:
        if w.lower() in r.stop_words and f"{kept[-1]} {w}".lower() not in _dictionary():
            break  # (not inside a word: "hai hợp đồng")
        kept.append(w)
    kept = _cut_at_predicate(tuple(kept))
    prefix = e[: e.index(words[0])]
    return prefix + " ".join(kept), words[0]


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def category_of(entity: str) -> str | None:
    """What was counted, for grouping: the head noun as a whole word, after a classifier ("5 con heo"
    -> "heo", "12 dự án đầu tư" -> "dự án"); None for a classifier alone ("200 chiếc")."""
    r = rules()
    low = r.determiners.sub("", entity.lower()).split()
    if not low:
        return None
    n = _head_syllables(low)
    skip = 1 if n and low[0] in r.classifiers and " ".join(low[:2]) not in r.classifier_nouns else 0
    written = entity.split()[-len(low):]
    if not written[skip][:1].isupper():  # a word does not run into a name: "2 nước Hoa Kỳ" is no "nước hoa"
        n = next((k for k in range(skip + 1, n) if written[k][:1].isupper()), n)
    head = " ".join(low[skip:n])
    if head in r.words_read_apart and n < len(low):
        head = low[skip]  # "13 người ở các xã": "người ở" (a servant) is a word, here "ở" a preposition
    # a one-syllable verb is no thing ("1 sống 2 chết"), unless also a noun ("hai tách cà phê"); two-syllable
    # ones are nouns here too ("2 bảo vệ", "97 tổ chức")
    verb = head in r.verbs and " " not in head and head not in r.nouns_despite_verbs
    if head == low[0] and len(low) > 1 and not written[1][:1].isupper():  # not "đoạn Hoàng Cầu"
        word = _first_word(" ".join(low[1:5]))
        if word not in r.adverbs and word not in r.prepositions:
            if head in r.event_classifiers:  # "3 cuộc hôn nhân" -> "hôn nhân", "2 cuộc không kích" -> "cuộc không kích"
                return f"{head} {word}" if word in r.verbs or word in r.verb_compounds else word
            if word not in r.verbs and head in r.classifiers_named_by_next:
                return word  # "hai vị phụ huynh", "3 nữ bệnh nhân"
            if word not in r.verbs and head in r.classifiers_kept_with_next:
                return f"{head} {word}"  # "58 lượt đại biểu", "50 loại rau"
    if head and head not in r.classifiers and not verb and head not in r.adverbs and head not in r.prepositions:
        return head
    # "13 chiếc do công ty": the things, of no named kind; but "ông bố 4 con", "hai đứa bắt đầu": children
    return low[0] if low[0] in r.classifiers_alone_counted else None


def _label_before(before: str) -> str | None:
    """"excluded" when the words right before a number (and a colon) are one of 'excluded_before'
    ("Điều 5", "khoản 2"), "document" when they are a document type ("Chỉ thị 09"), "name" when the
    word right before it is a capitalised word that is no Vietnamese syllable ("Tiger 800",
    "SEA Games 29", "iPhone 7": a model or an edition), else None."""
    r = rules()
    b = before.rstrip()
    name = len(b) < len(before)  # a space, and no punctuation, between the word and the number
    if b.endswith(":"):
        b, name = b[:-1].rstrip(), False
    words = b.rsplit(None, r.label_words)[-r.label_words:]
    if not words:
        return None
    last = words[-1]
    if name and (last[:1].isupper() or last[1:2].isupper()) and not last.isupper() and last.isalpha() \
            and not r.syllable.fullmatch(last.lower()) and last not in r.foreign_words_before_counts:
        return "name"
    if last.lstrip(_NOT_LETTERS) not in r.label_ends:
        return None  # the last word ends no label: most numbers
    for k in range(1, len(words) + 1):
        first = words[-k]
        i = 0
        while i < len(first) and not first[i].isalpha():
            i += 1  # "(Điều 5": the phrase starts at a letter
        phrase = " ".join([first[i:]] + words[len(words) - k + 1:])
        if phrase in r.excluded_words:
            # not the end of a longer word: "chi tiết 3 đoạn", "hàng năm 3 vụ", "nông thôn 2 xã"
            if k == len(words) or f"{words[-k - 1].lstrip(_NOT_LETTERS)} {phrase}".lower() not in r.not_labels:
                return "excluded"
        if phrase in r.document_words:
            return "document"
    return None


def _figure_ends(after: str) -> bool:
    """Whether nothing but punctuation, "và" or the end of the line follows a figure (a string test:
    this runs for every number with no noun)."""
    after = after.lstrip(" \t")
    return not after or after[0] in ";,.()…\n" or (after[:2] == "và" and not after[2:3].isalpha())


def _last_word(text: str, pos: int) -> str:
    """The word right before `pos`, lower case."""
    m = _WORD_BEFORE.search(text, max(0, pos - 25), pos)
    return m[1].lower() if m else ""


def _excluded(text: str, before: str, end: int, number: str, digits: str) -> bool:
    """Whether the words before a number name it: an article, a date, a document, a grade, a place."""
    r = rules()
    if before.rstrip()[-3:].lower() == "ngã" and 3 <= parse_number(number) <= 7:
        return True  # "ngã 4 Hát Lót": a crossroads (but "hất ngã hai học sinh")
    label = _label_before(before)
    if label == "name":  # a model's number, unless a figure of a list stands alone ("(Anh 6; Canada 5; Đức 2)")
        return not _figure_ends(text[end:end + 8])
    if label == "excluded" or (label == "document" and not _THOUSANDS.fullmatch(number)):
        return True  # a document's number, unless grouped in thousands ("quy định 27.173 trường hợp")
    b = before.rstrip().rstrip(":").rstrip()
    last = b[b.rfind(" ") + 1:].lstrip(_NOT_LETTERS)
    if not (last.lower() in r.pattern_last_words or last[:1].isupper() or b[-1:].isdigit() or b[-1:] in ("=", "-", "–")):
        return False  # no pattern ends with this word (a set lookup before the search: this runs for every number)
    if not r.any_pattern_before.search(before):
        return False
    if r.patterns_before.search(before):
        return True
    small = len(digits) < 3 and r.small_label_before.search(before)  # "nhà cấp 4", "phường Mỹ Đình 2, quận ..."
    return bool(small) and (small["grade"] is not None or bool(r.place_unit_after.match(text, end)))


def _pair_follows(text: str, found: list, slash: int, number: str) -> bool:
    """A number after "<counted noun>/" is the second count of a pair ("12 vụ/25 đối tượng"), unless
    it is 1 or a round hundred, thousand ... (a rate's base: "hành khách/1 lượt xe", "106 bé trai/100
    bé gái", "ca/100.000 dân")."""
    last = next((f for f in reversed(found) if isinstance(f, Count)), None)
    # the first phrase may end before the slash ("102 mã | tăng/116 mã giảm")
    return (last is not None and 0 <= slash - last.end_char < 30 and not last.is_percent
            and parse_number(number) not in _RATE_BASES and _LETTERS_ONLY.fullmatch(text[last.end_char:slash]) is not None)


_RATE_BASES = {1, 100, 1000, 10_000, 100_000, 1_000_000}


def _is_attribute(text: str, start: int, category: str | None) -> bool:
    """"xe 3 bánh", "nhà 5 tầng", "ô tô 4 chỗ": a number between a noun and an attribute noun
    describes the noun. After a verb, preposition or comparator it counts ("có 50 chỗ ngồi")."""
    r = rules()
    if category not in r.attribute_heads:
        return False
    # "xe 3, 4 bánh", "xe đến 9 chỗ", "ô tô dưới 9 chỗ": the noun before coordinated numbers or a bound
    before = _BOUND_BEFORE.sub("", _COORDINATED_BEFORE.sub("", text[max(0, start - 25):start]))
    m = _WORD_BEFORE.search(before)
    return bool(m) and m[1].lower() not in r.not_nouns


def _link_parts(doc: Document, counts: list) -> None:
    """Nest a part under its whole via parent_start: "97 tổ chức công an xã với 937 người";
    "264 mô hình, ... trong đó 46 mô hình ..."; further parts listed after the first one
    ("trong đó có 2 giải nhất, 22 giải nhì và 5 giải ba") belong to the same whole."""
    r, text = rules(), doc.text
    part_of: dict[int, Count] = {}  # index of a part found after a subset cue -> its whole
    for i, cur in enumerate(counts):
        prev = counts[i - 1] if i else None
        if cur.parent_start is not None:
            continue  # a figure of a list, nested already
        if prev is not None and r.parent_between.match(text[prev.end_char:cur.start_char]):
            cur.parent_start = prev.start_char
            continue
        window = text[max(0, cur.start_char - 40):cur.start_char]
        cue = r.subset_cue.search(window) if "đó" in window or "ồm" in window else None
        si = doc.sentence_of(cur.start_char) if cue and doc.sentences else 0
        sent_start = doc.sentences[si][0] if cue and doc.sentences else 0
        if cue and max(0, cur.start_char - 40) + cue.start() + 1 < sent_start:
            cue = None  # the cue belongs to an earlier sentence
        if cue:
            cue_at = max(0, cur.start_char - 40) + cue.start()
            if si and not text[sent_start:cue_at + (not text[cue_at].isalpha())].strip():
                sent_start = doc.sentences[si - 1][0]  # "... 264 mô hình. Trong đó, có 46 mô hình ..."
            wholes = [c for c in counts[:i] if sent_start <= c.start_char and c.end_char <= cue_at and not c.is_percent]
            whole = next((c for c in reversed(wholes) if cur.category and c.category == cur.category),
                         wholes[-1] if wholes else None)
            if whole is not None and (cur.is_percent or whole.category != cur.category or cur.value <= whole.value):
                cur.parent_start = whole.start_char
                part_of[i] = whole
            continue
        whole = part_of.get(i - 1)
        if whole is not None and r.part_continues.match(text[prev.end_char:cur.start_char]) and (
                cur.is_percent or whole.category != cur.category or cur.value <= whole.value):
            cur.parent_start = whole.start_char
            part_of[i] = whole


_APPOSITION = regex.compile(r"[,(;–-]")  # a share set apart from the count it is of ("4.592 chiếc, chiếm 37%")


def _sentence_bounds(doc: Document, pos: int) -> tuple[int, int]:
    return doc.sentences[doc.sentence_of(pos)] if doc.sentences else (0, len(doc.text))


def _shared_noun(doc: Document, counts: list, loose: list) -> list:
    """Counts for figures whose noun stands earlier: a share after a count ("khám phá 58/60 vụ, đạt
    96,7%", "47/47 xã (đạt 100%)"), a share of the things after "tỷ lệ" ("Tỷ lệ học sinh ... đạt 93,7%"),
    the figures of a list after a count, which share its noun ("8 người bị thương (Lào Cai 5; Hà Giang 3)",
    "trong đó đại học 1.204; cao đẳng 356"). Each spans its noun and its figure."""
    r, text = rules(), doc.text
    counts = sorted(counts, key=lambda c: c.start_char)
    starts = [c.start_char for c in counts]
    found, lists = [], {}  # lists: the start of a whole -> its figures
    last_item: tuple[int, Count] | None = None  # (end, whole) of the last figure of a list
    for value, start, end, cmp, is_pct in sorted(loose, key=lambda f: f[1]):
        s0, _ = _sentence_bounds(doc, start)
        i = bisect.bisect_left(starts, start) - 1
        prev = counts[i] if i >= 0 and counts[i].end_char <= start and counts[i].start_char >= s0 else None
        whole = None
        if is_pct:
            cue = prev and not prev.is_percent and r.share_after_count.fullmatch(text, prev.end_char, start)
            if cue and prev.denominator is None and r.rate_verb.search(text, prev.end_char, start) \
                    and not _APPOSITION.search(text, prev.end_char, start):
                cue = None  # "35 tỉnh đạt 99-100%": the things counted reach a rate ("191 trận tương đương 76,1%" is a share)
            if cue and not r.change_before.search(text[max(s0, prev.start_char - 20):prev.start_char]):
                whole = prev
            else:
                w0 = max(s0, start - 160)
                m = r.share_of_things.search(text, w0, start)
                head = m and _entity(" " + m["np"])
                if head and _first_word(head[0].lower()) in r.share_heads:
                    found.append(Count(value=value, cmp=cmp, is_percent=True, entity=head[0],
                                       start_char=m.start("np"), end_char=end, category=category_of(head[0])))
                continue
        else:
            m = None
            if _figure_ends(text[end:end + 8]):
                if last_item and (m := r.list_next.fullmatch(text, last_item[0], start)):
                    whole = last_item[1]
                elif prev is not None and not prev.is_percent and (m := r.list_first.fullmatch(text, prev.end_char, start)):
                    whole = prev
            if whole is not None and whole.category and m["label"].lower().startswith(whole.category):
                whole = None  # "3 đoạn (đoạn 1, đoạn 2, đoạn 3)": names, not figures
            last_item = (end, whole) if whole is not None else None
        if whole is None:
            continue
        c = Count(value=value, cmp=cmp, is_percent=is_pct, entity=whole.entity, start_char=whole.end_char - len(whole.entity),
                  end_char=end, category=whole.category, parent_start=None if is_pct else whole.start_char)
        found.append(c)
        if not is_pct:
            lists.setdefault(whole.start_char, (whole, []))[1].append(c)
    # the figures of a list are parts of the whole: together no more than it ("5 xã (A Lưới 1, A Lưới 2, ...)" are names)
    drop = {id(c) for whole, items in lists.values() if sum(c.value for c in items) > whole.value for c in items}
    return [c for c in found if id(c) not in drop]


def _listed_ones(doc: Document, counts: list, emit) -> list:
    """"một" counts as one of a whole ("là một trong 9 xã") or as an item of a list with other counts
    ("thu giữ 2 dao, một súng hoa cải"); elsewhere it is the article "a"."""
    r, text = rules(), doc.text
    if not counts:
        return []  # "một" counts only next to another count, or before one ("một trong 9 xã")
    items = []  # [start, end, count or None, accepted, category]
    starts = sorted(c.start_char for c in counts)
    for t in r.one_tail.finditer(text):
        at = t.start() - 1
        if at < 0 or text[at] not in "mM" or (at and text[at - 1].isalpha()):
            continue
        i = bisect.bisect_left(starts, at - 150)
        if i == len(starts) or starts[i] > at + 150:
            continue  # no count near
        # (the separator of parallel clauses stands a few words back: ", khiển trách một người")
        near, back = text[max(0, at - 6):at + 90], text[max(0, at - 30):at]
        if "," not in near and ";" not in near and "và" not in near and "trong" not in near \
                and "," not in back and "và" not in back:
            continue  # no list and no "trong" near: most "một" (a string test before the pattern)
        m = r.one.match(text, at)
        if not m:
            continue
        rest = text[m.end():m.end() + 160]
        one_of = r.one_of.match(rest)
        if one_of:
            if _entity(rest[one_of.end():]):
                emit(1.0, m.start(), m.end(), "eq")  # emit reads the whole after "trong"
            continue
        found = _entity(rest)
        if not found or r.first_word.match(rest, found[1])[0].lower() in r.not_after_one:
            continue
        ent = r.determiners.sub("", found[0])
        category = category_of(ent)
        if ent != found[0] or category is None:
            continue  # "một số người": some; "một chạy Windows": no noun
        end = m.end() + found[1] + len(ent)
        items.append([m.start(), end, Count(value=1.0, cmp="eq", is_percent=False, entity=ent, start_char=m.start(),
                                            end_char=end, category=category), False, category])
    if not items:
        return []
    items += [[c.start_char, c.end_char, None, True, c.category] for c in counts]
    items.sort(key=lambda x: x[0])
    changed = True
    while changed:  # a chain of items: "một A, một B và 2 C"
        changed = False
        for i, it in enumerate(items):
            if it[3]:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(items) and items[j][3]:
                    a, b = (items[j], it) if j < i else (it, items[j])
                    if r.list_separator.fullmatch(text, a[1], b[0]) or (
                            a[4] == b[4] and r.parallel_separator.fullmatch(text, a[1], b[0])
                            and _last_word(text, b[0]) not in r.article_one_after):  # "như một cú sốc": "a"
                        it[3] = changed = True
                        break
    return [it[2] for it in items if it[2] is not None and it[3]]


def _join_neighbour_figures(text: str, counts: list) -> None:
    """"ít nhất 7, 8 chân dài", "4 hoặc 5 thanh niên": two neighbouring small figures before one noun
    are one count from the first to the second (the GUIDE's range), not the second alone."""
    for c in counts:
        if c.value_max is not None or c.denominator is not None or c.is_percent or c.value > 20:
            continue
        if text[c.start_char].isdigit():
            m = _NEIGHBOUR_FIGURE_BEFORE.search(text, max(0, c.start_char - 12), c.start_char)
            low = m and int(m[1])
            ok = m and 0 < c.value - low <= 2
        else:  # "ba, bốn lần", "một hai chuyến": two number words next to each other
            m = rules().neighbour_word_before.search(text, max(0, c.start_char - 12), c.start_char)
            low = m and parse_number_words(m[1])
            ok = m and c.value - low == 1
        if ok and not _label_before(text[max(0, m.start(1) - 30):m.start(1)]):
            c.value, c.value_max, c.cmp, c.start_char = float(low), c.value, "range", m.start(1)


def _category_after(text: str, pos: int) -> str | None:
    found = _entity(text[pos:pos + 160])
    return category_of(found[0]) if found else None


def _articles(doc: Document, counts: list) -> set[int]:
    """The digit 1 standing for the article "một": after a preposition or "là", alone in its sentence
    ("coi đó là 1 thanh xuân đẹp"), not in a list of counts ("8 ca ở xã Đạo Lý, 1 ca ở xã Chân Lý")."""
    r, text = rules(), doc.text
    ones = [c for c in counts if c.value == 1 and c.cmp == "eq" and not c.is_percent and c.denominator is None
            and c.parent_start is None and text[c.start_char:c.start_char + 2] == "1 "]
    if not ones:
        return set()
    per_sentence = collections.Counter(doc.sentence_of(c.start_char) for c in counts)
    return {id(c) for c in ones if per_sentence[doc.sentence_of(c.start_char)] == 1
            and _last_word(text, c.start_char) in r.article_one_after}


def _matches_at(pattern, text: str, starts) -> list:
    """What `pattern.finditer(text)` finds, given every position where a match may start (sorted,
    duplicates allowed): the pattern is tried only there. A scan of the whole text by a pattern that
    opens with a look-behind or an alternation costs more than finding its first characters with
    `str.find` or a character class."""
    out, end = [], 0
    for p in starts:
        if p >= end:
            m = pattern.match(text, p)
            if m:
                out.append(m)
                end = m.end()
    return out


def _positions(text: str, word: str) -> list[int]:
    """Every offset of `word` in `text` (str.find: far faster than a pattern scan)."""
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _numbers(text: str) -> list:
    """The numeric expressions: a match starts at the first digit of a run (see _DIGITS) or at "từ"/"Từ"."""
    starts = [m.start() for m in _DIGITS.finditer(text)]
    froms = [i - 1 for i in _positions(text, "ừ") if i and text[i - 1] in "Tt"]
    return _matches_at(rules().numeric, text, sorted(starts + froms) if froms else starts)


def _lower(text: str) -> str | None:
    """The text in lower case, where the words of the patterns that ignore case are looked for first;
    None when lower() would move offsets (a character that lowers to two: "İ") or miss a case form of
    their letters (the long s "ſ" matches "s"): the patterns then read the whole text."""
    low = text.lower()
    return low if len(low) == len(text) and "ſ" not in text else None


def _worded_and_vague(text: str, low: str | None) -> tuple[list, list]:
    """The number words and vague quantities ("hai", "hàng trăm"), tried where a first word stands
    in the lower-case text."""
    r = rules()
    if low is None:
        return list(r.worded.finditer(text)), [m for p in r.vague for m in p.finditer(text)]
    worded = _matches_at(r.worded, text, sorted(i for w in r.worded_starts for i in _positions(low, w)))
    # ("cả", "hàng" are frequent words: a start is tried only where a whole quantity follows in lower case)
    vague = [m for first, p in zip(r.vague_firsts, r.vague)
             for m in _matches_at(p, text, [i for i in _positions(low, first) if low.startswith(r.vague_lower, i)])]
    return worded, vague


def _cmp_before(before: str) -> str:
    r = rules()
    last = before.rsplit(None, 1)[-1:]
    if last and last[0].lower() in r.cmp_gap_ends and (m := r.cmp_gap.search(before)):
        before = before[:m.start("gap")]  # "ít nhất phải có 4 nhà máy": the bound before the verb
        last = before.rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in r.cmp_ends:
        return "eq"  # no comparator ends there: most numbers (a set lookup before the search)
    if last[0] == "trên" and r.on_before.search(before):
        return "eq"  # "dựa trên 5 tiêu chí", "đặt trên 20 trụ": on
    m = r.cmp_any_before.search(before)
    if m and _last_word(before, m.start(m.lastgroup)) + " " + last[0].lower() in _dictionary():
        return "eq"  # the end of a word: "các chuyến đi nước ngoài 2 người", "cấp trên"
    return r.cmp_names[m.lastgroup] if m else "eq"


def _set_context(doc: Document, counts: list, default_year: int | None, low: str | None) -> None:
    """Each count's modality (a target when a cue such as "phấn đấu" stands before it in its sentence)
    and year (the last "năm YYYY" before it in its sentence, else the document's); each sentence is
    read once however many counts it holds, the patterns tried only when its lower-case text (`low`,
    see _lower) holds their words."""
    r, text, seen = rules(), doc.text, {}
    for c in counts:
        pos = c.start_char
        s, e = _sentence_bounds(doc, pos)
        if s not in seen:
            cue = r.target.search(text, s, e) if low is None or r.target_words.search(low, s, e) else None
            years = [(m.end(), int(m[1])) for m in r.year_in_sentence.finditer(text, s, e)] \
                if low is None or low.find("năm", s, e) >= 0 else []
            seen[s] = (cue.end() if cue else None, years)
        cue_end, years = seen[s]
        c.modality = "target" if cue_end is not None and cue_end <= pos else "achieved"
        c.year = next((y for end, y in reversed(years) if end <= pos), default_year)


def extract(doc: Document) -> list:
    r = rules()
    text = doc.text
    out: list = []

    loose: list[tuple] = []  # figures with no noun of their own: (value, start, end, cmp, is_percent)

    def emit(value, start, end_num, cmp, value_max=None, den=None, pct_inside=False, number=""):
        rest = text[end_num:end_num + 160]
        # (each pattern is tried only when the first character after the number allows it: this runs for every number)
        first = rest[:4].lstrip()[:1]
        pm = r.paren.match(rest) if first == "(" else None
        if pm:
            rest = rest[pm.end():]
            end_num += pm.end()
            first = rest[:4].lstrip()[:1]
        is_pct, scaled = pct_inside, False
        m = r.percent.match(rest) if first in ("%", "p") else None
        if m:
            is_pct = True
            rest, end_num = rest[m.end():], end_num + m.end()
        if not is_pct:
            m = r.scale.match(rest) if first in r.scale_initials else None
            if m and r.scale_word_starting.match(rest, m.start("s")):
                m = None  # "2 tỷ phú", "triệu phú": a word, no scale
            scaled = m is not None
            while m:  # "30 nghìn tỷ": scale words multiply
                value *= r.scale_values[m["s"].lower()]
                if value_max is not None:
                    value_max *= r.scale_values[m["s"].lower()]
                rest, end_num = rest[m.end():], end_num + m.end()
                m = r.scale.match(rest) if rest[1:2] in r.scale_initials else None
                if m and r.scale_word_starting.match(rest, m.start("s")):
                    m = None
            m = r.unit.match(rest) or (r.unit_after_scale.match(rest) if scaled else None)
            follow = m and r.unit_only_before.get(m["u"])
            if follow and not follow.match(rest, m.end()):
                m = None
            elif m and m["u"] in r.unit_values_above and value == int(value) and value <= r.unit_values_above[m["u"]]:
                m = None  # "chia thành 6 bảng": groups, not pounds; "2 cổ phiếu bị bán ròng": two stocks
            elif m and (cue := r.unit_only_near.get(m["u"])) \
                    and not cue.search(text, max(0, start - 80), end_num + m.end() + 40):
                m = None  # "3.996 đơn vị vận tải": bodies, not a volume of shares traded
            if m:
                out.append(Amount(value, m["u"], start, end_num + m.end(), cmp=cmp))
                return
            if scaled and _last_word(text, start) in r.money_before:
                return  # "số tiền 5 triệu", "phạt 2 triệu": money with its unit left out
        # (cheap tests of a few characters first: these run for every number)
        m = r.bound_after.match(rest) if value_max is None and "trở" in rest[:8] else None
        if m:
            cmp = r.bound_names[m["b"]]
            rest, end_num = rest[m.end():], end_num + m.end()
        if not is_pct and value_max is None and "," in number:
            grouped = r.grouped_with_comma.fullmatch(number)
            if value != int(value) and not grouped:
                return  # an average ("1,6 email", "0,24 giàn"), no count of things
            if grouped and (value != int(value) or not scaled):
                # thousands written with a comma: "1,831 vụ tai nạn", "850,000 lượt" (no decimals of zeros)
                value = float(number.replace(",", ""))
        found = _entity(rest)
        if found is not None and value == 1 and not is_pct and (
                rest[found[1]:found[1] + 3] == "số " or found[0].endswith(" nào")
                or r.first_word.match(rest, found[1])[0].lower() in r.not_after_one):
            return  # "1 số người" is "một số": some; "1 trò chơi nào": any; "1 thời gian sau", "1 chút": as 'một'
        if is_pct and "đó" in text[max(0, start - 8):start] and r.share_in_part_before.search(text, max(0, start - 25), start) \
                and (found is None or (named := category_of(found[0])) is None or named in r.verbs):
            loose.append((value, start, end_num, cmp, is_pct))  # "579 nạn nhân, trong đó 11% có ...": of the count before
            return
        of_whole = found is None and is_pct and "trong" in rest[:8] and _share_of_whole(rest)
        if of_whole:
            found = of_whole
        elif found is None and "thay" in rest[:6] and (m := r.instead_of.match(rest)):
            found = _entity(rest[m.end():])
            found = found and (found[0], m.end() + found[1])
        if found is None:
            m = None if is_pct or not ("trong" in rest[:8] or "trên" in rest[:6]) else r.one_of.match(rest)
            whole = m and _parse_any(m["n"])
            found = whole and value < whole and _entity(rest[m.end():])
            if not found or not category_of(found[0]):
                if _figure_ends(rest[:8]):  # nothing follows: the noun may stand earlier
                    loose.append((value, start, end_num, cmp, is_pct))
                return
            found = (found[0], m.end() + found[1])  # "là 1 trong 9 xã": one of the whole's things
        ent, ent_at = found
        if is_pct:
            # "đạt trên 95% số vụ án": a share of counted things, not of a plan
            before = text[max(0, start - 25):start]
            if r.change_before.search(before) or (r.rate_before.search(before) and not of_whole
                                                and not r.share_of_counted.match(rest)):
                return
            if "," in before and r.change_list_before.search(text, max(0, start - 150), start):
                return  # "tăng 28,3% số lượt người, 23% số đoàn đông người": each a change
            low = r.determiners.sub("", ent.lower())
            if any(low.startswith(x) for x in r.pct_excluded):
                return
        elif scaled and r.money_after_scale.match(ent):
            return  # "hơn 32.079 tỷ lãi", "4.100 tỉ nợ xấu", "900 tỷ lợi nhuận": money with its unit left out
        category = category_of(ent)
        first = ent.split(None, 1)[0].lower()
        classified = first in r.classifiers  # "7 chiếc sống sót", "115 cây di dời"
        if category in r.body_parts:
            return  # "bị gãy hai chân": a person's own parts
        if category == "vòng" and value == 3 and r.figure_after.match(rest, found[1] + len(first)):
            return  # "3 vòng hoàn hảo", "ba vòng 87-65-93": a woman's figure
        described = category in r.predicates and (classified or first in r.event_classifiers)  # "hai cuộc chung"
        if (category is None and not classified) or (category in r.predicates and not is_pct and not described):
            # a verb or an adjective follows ("chín chắn", "658 di chuyển", "cả hai nhanh chóng"), no counted thing
            # ("200 chiếc" counts); after a percentage a verb names an activity counted ("trên 80% phân loại phong trào", corpus)
            return
        if described:
            # "7 chiếc sống sót", "10 con khác": the things, of no named kind; "hai đứa bắt đầu": two young people
            category = first if first in r.classifiers_alone_counted else None
        if not is_pct and _is_attribute(text, start, category):
            return
        end = end_num + ent_at + len(ent)
        tail = text[end_num:end + 20]
        if ("mỗi" in tail or "một" in tail or "hàng" in tail or "hằng" in tail or " 1 " in tail) and \
                r.per_time_after.match(tail):
            return  # "50 tù nhân một ngày", "71 quả mỗi ngày": a rate per time
        if r.street_named.match(ent):
            return  # "447 đường Hùng Vương", "số 812 và 826 đường Trường Sa": a house number
        if (value == 1 or value >= 100) and not is_pct and r.named_unit.match(ent):
            return  # "Điện lực Vĩnh Tân 1 tỉnh Bình Thuận", "đa khoa 115 thành phố Vinh": a name's number
        side = ent[:4].lower()
        if side in ("bên", "bên ") and (side == "bên " and r.first_word.match(ent, 4)[0].lower() in r.side_nouns
                                       or r.sides_before.search(text, max(0, start - 12), start)):
            return  # "hai bên bờ sông", "hai bên má", "né hết qua hai bên": sides, not parties
        if category == "lần" and (value != int(value)
                                  or r.multiple_before.search(_COORDINATED_BEFORE.sub("", text[max(0, start - 30):start]))
                                  or r.multiple_after.match(text, end)):
            return  # "gấp 3 lần", "tăng 2,1 lần so với": a multiple, not occurrences
        if _TABLE_CELL_BEFORE.search(text, max(0, start - 8), start) and _TABLE_CELL_AFTER.match(text, end):
            return  # "1 PVF 3 3 0 0 6", "0 Thẻ vàng 1 0 Thẻ đỏ 0": a row of a table of figures
        m = None if value_max is not None or "trở" not in text[end:end + 60] else \
            (r.bound_after.match(text[end:end + 20]) or r.bound_after_phrase.match(text, end, end + 60))
        if m:
            cmp = r.bound_names[m["b"]]  # "hai liệt sĩ trở lên"
        out.append(Count(value=value, cmp=cmp, is_percent=is_pct, entity=r.determiners.sub("", ent),
                         start_char=start, end_char=end, value_max=value_max, denominator=den, category=category))

    excluded_end, excluded_by = -1, ""  # where the last number excluded by the words before it ends, and those words
    for m in _numbers(text):
        frm, a, pct_a, hi_text, den_text = m.groups()  # (one call: this runs for every number)
        start, end = m.span()
        if hi_text is None and den_text is None and len(a) == 4 and _BARE_YEAR.fullmatch(a):
            continue  # a bare year
        before = text[max(0, start - 30):start]
        digits = a.replace(".", "").replace(",", "")
        b = before.rstrip()
        last = b[b.rfind(" ") + 1:].strip(_NOT_LETTERS)
        # a lower-case word that ends no label and no pattern, the case of most numbers, is tested first
        if not frm and len(last) > 1 and last.isupper() and b[-1:].isalnum() and last not in r.caps_before_counts \
                and not _ROMAN.fullmatch(last) and _category_after(text, end) not in r.heads_after_caps:
            continue  # "tàu BĐ 99245 TS", "Yamaha NVX 155": a code or a model's name (not "Khóa XIV 410/442 đại biểu")
        maybe = not last.islower() or last in r.before_words_to_test
        if maybe and _excluded(text, before, end, a, digits):
            # a year or a large number ("giải 2017, 2 tay đua") starts no list of labels
            excluded_end, excluded_by = end, before if len(a) < 4 else ""
            continue  # article numbers, names with numbers, times, page numbers after a date, grades
        link = r.coordination.fullmatch(text, excluded_end, start) if start - excluded_end < 8 else None
        if link and (link["and"] or (excluded_by and not r.temporal_before.search(excluded_by))):
            excluded_end = end
            continue  # "Điều 5, 6", "nhóm số 1, 2 quy định": coordinated with an excluded number
        if a in ("2", "3") and r.exponent_before.search(before):
            continue  # a split exponent
        if (len(digits) > 3 and digits.startswith("0")) or len(digits) > 12:
            continue  # phone numbers and identifiers
        if b[-1:] == "/" and not _pair_follows(text, out, start - 1 - (len(before) - len(b)), a):
            continue  # a rate ("6 lít/100 km", "39,1 hành khách/1 lượt xe"), not the second count of a pair
        if den_text is not None:
            if f"{a}/{den_text}" in r.not_ratios and not r.countable_after.match(text, end):
                continue  # "trực 24/24", "7/7": around the clock (but "7/7 xã")
            if "," in a or r.rate_cue_before.search(text[max(0, start - 60):start]):
                continue  # a rate: "tỷ lệ mắc bệnh là 1/50.000 người", "15,9/100.000 người"
            if len(den_text) < 3 and int(den_text) <= 12 and r.date_ratio_before.search(before):
                continue  # a day and month: "hôm nay 4/7"
        value = parse_number(a)
        out_of = b[-4:] == "trên" and r.out_of_before.search(before)
        cmp = _cmp_before(before) if not (frm or out_of) else "eq"
        if a == "1" and hi_text is None and den_text is None and cmp in ("gt", "lt") \
                and not r.scale.match(text[end:end + 12]):
            continue  # "chia sẻ trên 1 fanpage": "trên" is "on", and "1" the article
        if cmp == "gt" and out and isinstance(out[-1], Count) and text[out[-1].end_char:start].strip() == "trên":
            cmp = "eq"  # "25 người trên 3 ghe", "6.700 cây xanh trên 190 tuyến phố": on, right after a count
        if hi_text is not None:
            if den_text is not None:
                continue
            hi = parse_number(hi_text)
            if hi <= value or value == 0 or (frm is None and "-" in text[m.end("a"):m.start("b")] and len(digits) > 2):
                continue
            emit(value, start, end, "range", value_max=hi, pct_inside=bool(pct_a))
        elif den_text is not None:
            den = parse_number(den_text)
            if value > den or (value < den <= 10 and r.share_of_counted.match(text[end:end + 30])):
                continue  # "2/3 số đại biểu", "1/3 tổng số thị trường": a fraction of the whole, no count
            emit(value, start, end, cmp, den=den, number=a)
        else:
            emit(value, start if not frm else m.start("a"), end, cmp, number=a)
    low = _lower(text)
    worded, vague = _worded_and_vague(text, low)
    for m in worded:
        nxt = text[m.end() + 1:m.end() + 3]
        lead = text[_sentence_bounds(doc, m.start())[0]:m.start()].rstrip() if m["w"][0].isupper() else ""
        if m["w"][0].isupper() and ((nxt[:1].isupper() and not nxt.isupper())
                                    or (lead.strip(_OPENERS) and lead[-1:] not in _OPENERS + ":")):
            # a name: "Hai Bà Trưng", "Ba Đình" (not "Hai CLB"); a number word is capitalised only to open a
            # sentence: elsewhere it is a name ("ông Ba kể lại") or a title ("truyện tranh “Bảy viên ngọc rồng”")
            continue
        if " " not in m["w"]:
            word = r.first_word.match(text, m.end() + 1)[0].lower()
            if (word and f"{m['w'].lower()} {word}" in _dictionary() and " " not in _first_word(text[m.end() + 1:m.end() + 40].lower())
                    or f"{_last_word(text, m.start())} {m['w'].lower()}" in r.words_ending_in_a_number_word):
                continue  # a word of its own: "ba lô", "chín chắn", "tài ba" (but "bốn tay vợt")
        value, value_max = parse_number_words(m["w"]), None
        pair = m["w"].lower().split()
        if len(pair) == 2 and all(0 < r.number_words.get(w, 10) < 10 for w in pair):
            # "hai ba người", "năm sáu lần": two figures in a row are a range (a sum only after "mươi", "trăm")
            value, value_max = float(r.number_words[pair[0]]), float(r.number_words[pair[1]])
            if value_max - value != 1:
                continue
        before = text[max(0, m.start() - 30):m.start()]
        if value and not _label_before(before) and not (3 <= value <= 7 and _last_word(before, len(before)) == "ngã"):
            emit(value, m.start(), m.end(), "range" if value_max else _cmp_before(before), value_max=value_max)
    for m in vague:
        emit(float(r.vague_values[m["v"].lower()]), m.start(), m.end(), "approx")
    if "ăm " in text:
        ends = sorted(c.end_char for c in out if isinstance(c, Count))
        for m in r.five.finditer(text):  # "có năm cán bộ", "Năm doanh nghiệp viễn thông"
            if m["link"]:
                i = bisect.bisect_right(ends, m.start()) - 1
                if i < 0 or m.start() - ends[i] > 60 or _CLAUSE_BREAK.search(text, ends[i], m.start()):
                    continue  # "sau 15 năm, năm người": a list link with no count before it
            verb = m["verb"]
            if verb is not None and (verb.endswith("là") or not (verb in r.verbs or verb.split()[-1] in r.verbs)):
                # "mỗi năm huyện thu hút", "2017 là năm cuộc xung đột ... đi đến hồi kết": a year;
                # after another verb five ("di dời năm hộ dân", "chở theo năm người", "từng làm năm người thiệt mạng")
                continue
            nxt = _first_word(text[m.start("next"):m.start("next") + 40].lower()) or m["next"]
            if _LABEL_NUMBER_AFTER.match(text, m.start("next") + len(nxt)):
                continue  # "cả năm lớp 12": the year of a grade
            if nxt in r.five_heads or m["next"] in r.five_heads and f"năm {m['next']}" not in _dictionary():
                emit(5.0, m.start(), m.end(), _cmp_before(text[max(0, m.start() - 30):m.start()]))
    out += _listed_ones(doc, [c for c in out if isinstance(c, Count)], emit)
    out += _shared_noun(doc, [c for c in out if isinstance(c, Count)], loose)
    _join_neighbour_figures(text, [c for c in out if isinstance(c, Count)])
    articles = _articles(doc, [c for c in out if isinstance(c, Count)])
    recipe = r.recipe_cue.search(text)  # after "Nguyên liệu:", "Bữa sáng:": quantities of ingredients and dishes
    hay = low if low is not None else text

    def in_an_idiom(f) -> bool:  # "năm lần bảy lượt": many times, no count (only the text around a figure is read)
        s = f.start_char
        return any(m.start() <= s < m.end() for m in r.idioms.finditer(hay, max(0, s - r.idiom_reach), s + r.idiom_reach))

    # sentences describing a product: from where its figures are parts and features (for a unit, its sentence and the
    # ones beside it: a description runs over several)
    specs: dict[int, int] = {}
    if "trang bị" in text:
        for m in r.spec_phrases.finditer(text):
            specs.setdefault(doc.sentence_of(m.start()), m.end())  # from the sentence's first phrase
    if any(w in text for w in r.spec_unit_words):  # (most texts hold none: a substring test before the scan)
        specs.update((doc.sentence_of(m.start()) + k, -1) for m in r.spec_units.finditer(text) for k in (-1, 0, 1))

    def in_a_specification(f) -> bool:  # a product's part or feature: "4 xi lanh và ... 152 mã lực", "được trang bị 2 túi khí"
        if not isinstance(f, Count) or f.is_percent or f.start_char < specs.get(doc.sentence_of(f.start_char), len(text)):
            return False
        named = {f.category, *(f.entity or "").lower().split(None, 1)[:1]}  # "350 chiếc bán ra": its classifier
        return not named & r.counted_in_specs

    out = [f for f in out if id(f) not in articles and not (recipe and isinstance(f, Count) and f.start_char > recipe.start())
           and not in_an_idiom(f) and not (specs and in_a_specification(f))]
    out.sort(key=lambda f: f.start_char)
    counts = [c for c in out if isinstance(c, Count)]
    _set_context(doc, counts, document_year(doc) if counts else None, low)
    _link_parts(doc, counts)
    return out
