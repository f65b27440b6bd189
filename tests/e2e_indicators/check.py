"""Run the `tonghop parse --json` console script on the generated reports and score indicators against truth.

Usage: .venv/bin/python tests/e2e_indicators/check.py [OUTDIR]   (default /tmp/e2e_ind)
"""
from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

EXE = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "tonghop"


def key(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def parse(path: Path) -> dict:
    out = subprocess.run([str(EXE), "parse", str(path), "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": out.stderr.strip(), "indicators": []}
    return json.loads(out.stdout)


def pair(truth: list, got: list):
    """Match extracted to truth: catalog ids by id, null ids by name containment."""
    pairs, used = [], set()
    for t in truth:
        hit = None
        for j, g in enumerate(got):
            if j in used:
                continue
            if t["id"] is not None and g.get("id") == t["id"]:
                hit = j
                break
            if t["id"] is None and key(t["name"])[:25] in key(g.get("name_raw") or ""):
                hit = j
                break
        if hit is None:  # fallback: same name but wrong id
            for j, g in enumerate(got):
                if j not in used and key(t["name"])[:25] in key(g.get("name_raw") or ""):
                    hit = j
                    break
        if hit is not None:
            used.add(hit)
        pairs.append((t, got[hit] if hit is not None else None))
    extra = [g for j, g in enumerate(got) if j not in used]
    return pairs, extra


def main(argv):
    out = Path(argv[1] if len(argv) > 1 else "/tmp/e2e_ind")
    truth = json.loads((out / "truth.json").read_text())
    c = dict(tp=0, fp=0, fn=0, null_ok=0, null_total=0, forced=0, v_ok=0, v_n=0, t_ok=0, t_n=0, e_ok=0, e_n=0,
             s_ok=0, s_n=0, sd_n=0, sd_nonnull=0, u_ok=0, u_n=0)
    issues = []
    per_layout = {}
    for doc in truth:
        res = parse(out / doc["file"])
        if "error" in res:
            issues.append(f"{doc['file']}: PARSE ERROR {res['error']}")
        got = res.get("indicators", [])
        pairs, extra = pair(doc["indicators"], got)
        lay = f"{doc['mode']}/{doc['layout']}"
        pl = per_layout.setdefault(lay, [0, 0, 0])
        for t, g in pairs:
            where = f"{doc['file']} [{lay}] {t['name']!r}"
            if t["id"] is None:
                c["null_total"] += 1
                if g is None:
                    issues.append(f"{where}: non-catalog indicator not extracted (expected id=null, value={t['value']})")
                    continue
                if g.get("id") is None:
                    c["null_ok"] += 1
                else:
                    c["forced"] += 1
                    c["fp"] += 1
                    issues.append(f"{where}: non-catalog forced onto {g['id']} (score {g.get('score')}); "
                                  f"text={g['source'].get('text')!r}")
            else:
                pl[1] += 1
                if g is None:
                    c["fn"] += 1
                    issues.append(f"{where}: MISSED catalog {t['id']} value={t['value']} target={t['target']}")
                    continue
                if g.get("id") != t["id"]:
                    c["fn"] += 1
                    issues.append(f"{where}: got id={g.get('id')} expected {t['id']}; text={g['source'].get('text')!r}")
                    if g.get("id"):
                        c["fp"] += 1
                    continue
                c["tp"] += 1
                pl[0] += 1
            src = (g.get("source") or {}).get("text")
            for fld, tk, ok, n in (("value", "value", "v_ok", "v_n"), ("target", "target", "t_ok", "t_n"),
                                   ("estimate", "estimate", "e_ok", "e_n")):
                c[n] += 1
                if close(g.get(fld), t[tk]):
                    c[ok] += 1
                else:
                    issues.append(f"{where}: {fld}={g.get(fld)!r} expected {t[tk]!r}"
                                  f"{' (target_raw ' + repr(t['target_raw']) + ', got ' + repr(g.get('target_raw')) + ')' if fld == 'target' else ''}; text={src!r}")  # noqa: E501
            c["u_n"] += 1
            if key(g.get("unit") or "") == key(t["unit"]):
                c["u_ok"] += 1
            else:
                issues.append(f"{where}: unit={g.get('unit')!r} expected {t['unit']!r} [minor]; text={src!r}")
            if t["status_stated"]:
                c["s_n"] += 1
                if g.get("status") == t["status"]:
                    c["s_ok"] += 1
                else:
                    issues.append(f"{where}: status={g.get('status')!r} expected {t['status']!r} (stated in text); text={src!r}")
            else:
                c["sd_n"] += 1
                c["sd_nonnull"] += g.get("status") is not None
            pl[2] += 1
        for g in extra:
            if g.get("id"):
                c["fp"] += 1
            issues.append(f"{doc['file']} [{lay}]: EXTRA indicator id={g.get('id')} name_raw={g.get('name_raw')!r} "
                          f"value={g.get('value')} section={g['source'].get('section')}; text={g['source'].get('text')!r}")
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    print(f"catalog ids: TP={c['tp']} FP={c['fp']} FN={c['fn']}  precision={p:.3f} recall={r:.3f}")
    print(f"non-catalog: {c['null_ok']}/{c['null_total']} extracted with id=null; {c['forced']} forced onto a catalog id")
    for name, ok, n in (("value", "v_ok", "v_n"), ("target", "t_ok", "t_n"), ("estimate", "e_ok", "e_n"),
                        ("unit", "u_ok", "u_n"), ("status (stated)", "s_ok", "s_n")):
        print(f"{name:16s} {c[ok]}/{c[n]} = {c[ok] / max(1, c[n]):.3f}")
    print(f"status when not stated: {c['sd_nonnull']}/{c['sd_n']} given a (derived) status")
    print("recall by layout:", {k: f"{v[0]}/{v[1]}" for k, v in per_layout.items()})
    print(f"\n{len(issues)} mismatches:")
    for s in issues:
        print(" -", s)


if __name__ == "__main__":
    main(sys.argv)
