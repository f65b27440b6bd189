import pytest

from tonghop.flows.settings import SettingsError, load_settings


def test_settings_file_then_environment(tmp_path, monkeypatch):
    cfg = tmp_path / "tonghop.toml"
    cfg.write_text('[tonghop]\ninbox = "/srv/inbox"\nout = "/srv/out"\ncron = "30 22 * * *"\n', encoding="utf-8")
    monkeypatch.setenv("TONGHOP_OUT", "/data/out")
    s = load_settings(cfg)
    assert (s.inbox, s.out, s.cron, s.timezone) == ("/srv/inbox", "/data/out", "30 22 * * *", "Asia/Ho_Chi_Minh")


@pytest.mark.parametrize("content,match", [
    ('[tonghop]\ncron = "0 23 * *"\n', "cron"),
    ('[tonghop]\nhop_thu = "x"\n', "hop_thu"),
    ("[tonghop\n", "không hợp lệ"),
])
def test_bad_settings_are_one_line_errors(tmp_path, content, match):
    cfg = tmp_path / "tonghop.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=match) as err:
        load_settings(cfg)
    assert "\n" not in str(err.value) and " / " in str(err.value)


def test_missing_settings_file(tmp_path):
    with pytest.raises(SettingsError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_nightly_deployment_is_a_cron_schedule_in_vietnam_time():
    from tonghop.flows.nightly import schedule_args
    from tonghop.flows.settings import Settings

    args = schedule_args(Settings(inbox="/srv/in", out="/srv/out", cron="0 23 * * *"))
    (schedule,) = args["schedules"]
    assert schedule.cron == "0 23 * * *" and schedule.timezone == "Asia/Ho_Chi_Minh"
    assert args["parameters"]["inbox"] == "/srv/in" and args["parameters"]["outline"] == "de-cuong-huyen"


@pytest.mark.parametrize("content,match", [
    ('[tonghop]\ncron = "99 99 * * *"\n', "cron"),
    ('[tonghop]\ntimezone = "Asia/Hanoi_Nowhere"\n', "Asia/Hanoi_Nowhere"),
    ("[tonghop]\ncron = 2300\n", "cron"),
])
def test_schedule_values_are_checked(tmp_path, content, match):
    cfg = tmp_path / "tonghop.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=match):
        load_settings(cfg)


def test_the_nightly_deployment_can_run_on_dask(tmp_path):
    from tonghop.flows.nightly import schedule_args
    from tonghop.flows.settings import SettingsError, load_settings
    path = tmp_path / "tonghop.toml"
    path.write_text('[tonghop]\ninbox = "/srv/in"\ntask_runner = "dask"\ndask_address = "tcp://10.0.0.5:8786"\n',
                    encoding="utf-8")
    settings = load_settings(path)
    assert settings.dask_address == "tcp://10.0.0.5:8786"
    assert schedule_args(settings)["parameters"]["runner"] == "dask"
    path.write_text('[tonghop]\ntask_runner = "gpu"\n', encoding="utf-8")
    try:
        load_settings(path)
    except SettingsError as exc:
        assert "process, threads" in str(exc) and " / " in str(exc)
    else:
        raise AssertionError("an unknown task runner was accepted")
