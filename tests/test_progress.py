"""Progress of the parse stage: a bar redrawn in place on a terminal, a line per tenth elsewhere."""
import io

from tonghop.flows.progress import Progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_one_bar_redrawn_in_place():
    stream = Tty()
    bar = Progress(4, stream=stream)
    for _ in range(4):
        bar.advance()
    bar.close()
    text = stream.getvalue()
    assert text.count("\r") == 4 and text.endswith("\n") and text.count("\n") == 1
    assert "4/4" in text and "1/4" in text


def test_a_log_gets_plain_lines_at_each_tenth():
    stream = io.StringIO()
    bar = Progress(100, stream=stream)
    for _ in range(100):
        bar.advance()
    bar.close()
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue() and 10 <= len(lines) <= 11
    assert lines[-1].startswith("Đã phân tích 100/100 tệp / parsed 100/100 files")


def test_progress_can_be_switched_off():
    stream = Tty()
    bar = Progress(3, enabled=False, stream=stream)
    bar.advance()
    bar.close()
    assert stream.getvalue() == ""
