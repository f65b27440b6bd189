from lxml import etree

from tonghop.parsers.numbering import Counter, format_number, read_numbering, to_roman

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbering(levels: str, nums: str):
    xml = f'<w:numbering {W}><w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>{nums}</w:numbering>'
    return etree.fromstring(xml.encode())


LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/></w:lvl>'
)


def test_formats():
    assert [to_roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert format_number(3, "lowerLetter") == "c" and format_number(28, "upperLetter") == "BB"


def test_multilevel_counters_restart_below_a_higher_level():
    c = Counter(read_numbering(_numbering(LEVELS, '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>')))
    seq = [(0,), (1,), (1,), (2,), (2,), (0,), (1,), (3,)]
    labels = [c.label("5", lv)[0] for (lv,) in seq]
    assert labels == ["I.", "1.", "2.", "a)", "b)", "II.", "1.", "1.1."]


def test_start_override_restarts_a_list_and_unknown_num_is_none():
    nums = ('<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="6"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    c = Counter(read_numbering(_numbering(LEVELS, nums)))
    assert [c.label("5", 1)[0], c.label("5", 1)[0], c.label("6", 1)[0], c.label("6", 1)[0]] == ["1.", "2.", "1.", "2."]
    assert c.label("99", 0) is None


def test_two_nums_of_one_abstract_continue_the_same_list():
    nums = ('<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>')
    c = Counter(read_numbering(_numbering(LEVELS, nums)))
    assert [c.label("5", 0)[0], c.label("7", 0)[0]] == ["I.", "II."]
