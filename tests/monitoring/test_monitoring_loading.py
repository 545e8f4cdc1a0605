"""Loading exports: the issue's edge cases and clear Indonesian errors."""
import pandas as pd
import pytest

from autograders import monitoring as mon
from autograders.monitoring import MonitoringInputError

HEADER = "timestamp,platform,author,followers,text,likes,comments,shares,url,reach\n"
BRANDS = {"Sukamaju": ["Sukamaju", "@pemkabsukamaju"]}


def write(tmp_path, content, name="m.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(content.encode(encoding))
    return p


def test_zero_byte_file_is_a_clear_error(tmp_path):
    with pytest.raises(MonitoringInputError, match="kosong"):
        mon.load_mentions(write(tmp_path, ""))


def test_header_only_gives_an_empty_result(tmp_path):
    df = mon.load_mentions(write(tmp_path, HEADER))
    assert len(df) == 0
    res = mon.monitor(df, BRANDS, {"Mekarsari": ["Mekarsari"]})
    assert res["rows"] == 0 and res["mentions"] == {"Sukamaju": 0, "Mekarsari": 0}
    assert res["share_of_voice"] == {"Sukamaju": None, "Mekarsari": None}
    assert res["spikes"] == [] and res["sentiment"]["Sukamaju"]["net"] is None
    assert "<html" in mon.render_html_report(res, df)


def test_one_row(tmp_path):
    df = mon.load_mentions(write(tmp_path, HEADER + "2026-12-02T14:05:00+07:00,X,budi,100,"
                                 "Terima kasih @pemkabsukamaju,3,1,1,https://x.com/budi/status/1,\n"))
    res = mon.monitor(df, BRANDS)
    assert res["mentions"] == {"Sukamaju": 1}
    assert res["daily"] == {"Sukamaju": {"2026-12-02": 1}}
    assert res["engagement"]["Sukamaju"] == {"total": 5, "rate": 5.0, "likes": 3, "comments": 1, "shares": 1}
    assert res["sentiment"]["Sukamaju"]["positive"] == 1 and res["spikes"] == []


def test_brand_with_no_mentions(tmp_path):
    df = mon.load_mentions(write(tmp_path, HEADER + "2026-12-02T14:05:00+07:00,X,budi,100,Pemkab Mekarsari keren,"
                                 "3,1,1,u1,\n"))
    res = mon.monitor(df, BRANDS, {"Mekarsari": ["Mekarsari"]})
    assert res["mentions"]["Sukamaju"] == 0 and res["share_of_voice"] == {"Sukamaju": 0.0, "Mekarsari": 100.0}
    assert res["engagement"]["Sukamaju"] == {"total": 0, "rate": None, "likes": 0, "comments": 0, "shares": 0}
    assert res["sentiment"]["Sukamaju"] == {"positive": 0, "negative": 0, "neutral": 0, "net": None}
    assert res["daily"]["Sukamaju"] == {"2026-12-02": 0}


def test_timestamps_without_offset_are_wib(tmp_path):
    df = mon.load_mentions(write(tmp_path, "timestamp,text\n2026-12-02 23:30:00,Sukamaju\n"))
    assert df["timestamp"][0] == pd.Timestamp("2026-12-02T16:30:00Z")
    assert str(df["timestamp"][0].utcoffset()) == "7:00:00"


def test_mixed_time_zones_are_converted_to_wib(tmp_path):
    content = ("timestamp,text\n"
               "2026-12-01T20:00:00Z,Sukamaju satu\n"          # 03:00 WIB on 2 December
               "2026-12-02T08:00:00+08:00,Sukamaju dua\n"      # 07:00 WIB (WITA)
               "2026-12-02T10:00:00+0900,Sukamaju tiga\n"      # 08:00 WIB (WIT, no colon)
               "2026-12-02 09:00,Sukamaju empat\n")            # no offset: WIB
    df = mon.load_mentions(write(tmp_path, content))
    hours = [t.hour for t in df["timestamp"]]
    assert hours == [3, 7, 8, 9]
    assert mon.monitor(df, BRANDS)["daily"]["Sukamaju"] == {"2026-12-02": 4}


def test_duplicate_posts_count_once(tmp_path):
    row = "2026-12-02T14:05:00+07:00,X,budi,100,Sukamaju mantap,1,0,0,https://x.com/budi/status/1,\n"
    same_no_url = "2026-12-02T15:00:00+07:00,X,sari,100,Sukamaju macet,1,0,0,,\n"
    df = mon.load_mentions(write(tmp_path, HEADER + row + row + same_no_url + same_no_url))
    assert len(df) == 2 and df.attrs["duplicates_removed"] == 2
    assert mon.monitor(df, BRANDS)["duplicates_removed"] == 2
    assert len(mon.load_mentions(write(tmp_path, HEADER + row + row), drop_duplicates=False)) == 2


def test_non_utf8_csv(tmp_path):
    content = "timestamp;text;author\n2026-12-02T10:00:00+07:00;Pelayanan Sukamaju bagus, café di MPP nyaman;José\n"
    df = mon.load_mentions(write(tmp_path, content, encoding="cp1252"))
    assert df["text"][0] == "Pelayanan Sukamaju bagus, café di MPP nyaman" and df["author"][0] == "José"


def test_utf8_bom_and_aliases(tmp_path):
    p = tmp_path / "bom.csv"
    p.write_bytes("\ufeffTanggal,Isi,Akun,Suka\n2026-12-02T10:00:00+07:00,Sukamaju oke,rina,1.234\n".encode("utf-8"))
    df = mon.load_mentions(p)
    assert df["text"][0] == "Sukamaju oke" and df["author"][0] == "rina" and df["likes"][0] == 1234


def test_mapping(tmp_path):
    p = write(tmp_path, "Waktu Unggah,Isi Unggahan\n2026-12-02T10:00:00+07:00,Sukamaju\n")
    df = mon.load_mentions(p, mapping={"timestamp": "Waktu Unggah", "text": "Isi Unggahan"})
    assert len(df) == 1
    with pytest.raises(MonitoringInputError, match="'Tidak Ada'"):
        mon.load_mentions(p, mapping={"text": "Tidak Ada"})


def test_missing_column_is_named(tmp_path):
    with pytest.raises(MonitoringInputError, match="Kolom wajib 'text'"):
        mon.load_mentions(write(tmp_path, "timestamp,judul\n2026-12-02T10:00:00+07:00,x\n"))


def test_unparseable_timestamp_names_column_and_row(tmp_path):
    content = "timestamp,text\n2026-12-02T10:00:00+07:00,a\nkemarin sore,b\n"
    with pytest.raises(MonitoringInputError, match=r"Kolom 'timestamp', baris 3: waktu 'kemarin sore'"):
        mon.load_mentions(write(tmp_path, content))


def test_bad_count_names_column_and_row(tmp_path):
    content = "timestamp,text,likes\n2026-12-02T10:00:00+07:00,a,5\n2026-12-02T11:00:00+07:00,b,banyak\n"
    with pytest.raises(MonitoringInputError, match=r"Kolom 'likes', baris 3: nilai 'banyak'"):
        mon.load_mentions(write(tmp_path, content))


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(MonitoringInputError, match="tidak ditemukan"):
        mon.load_mentions(tmp_path / "tidak-ada.csv")
    with pytest.raises(MonitoringInputError, match="folder"):
        mon.load_mentions(tmp_path)


def test_excel(tmp_path):
    p = tmp_path / "ekspor.xlsx"
    pd.DataFrame({"Tanggal": [pd.Timestamp("2026-12-02 10:00")], "Isi": ["Sukamaju bagus"], "Suka": [4]}) \
        .to_excel(p, index=False)
    df = mon.load_mentions(p)
    assert df["timestamp"][0].hour == 10 and str(df["timestamp"][0].utcoffset()) == "7:00:00"
    assert df["likes"][0] == 4


def test_word_boundary_matching():
    df = pd.DataFrame({"text": ["Pemkab Sukamaju hebat", "#Sukamaju keren", "#SukamajuBersih", "@pemkabsukamaju",
                                "Sukamajuku", "SUKAMAJU!", "pemkab   sukamaju"]})
    m = mon.mention_matrix(df, {"a": ["Sukamaju"], "b": ["@pemkabsukamaju"], "c": ["Pemkab Sukamaju"]})
    assert list(m["a"]) == [True, True, False, False, False, True, True]
    assert list(m["b"]) == [False, False, False, True, False, False, False]
    assert list(m["c"]) == [True, False, False, False, False, False, True]


def test_brand_without_terms_is_an_error():
    with pytest.raises(MonitoringInputError, match="tidak punya istilah"):
        mon.monitor(pd.DataFrame(columns=list(mon.COLUMNS)), {"Sukamaju": []})


# ---------------------------------------------------------------------------------------- hostile sizes
from autograders.monitoring import loading as L  # noqa: E402


def _rows(n, likes="1", extra=None):
    """n rows; ``extra`` = (name, value) adds a column with a distinct value per row (value + row number)."""
    head = HEADER.rstrip("\n") + ("," + extra[0] if extra else "") + "\n"
    body = "".join(f"2026-12-02T14:05:00+07:00,X,akun{i % 50},100,Sukamaju nomor {i},{likes},0,0,u{i},"
                   + (f",{extra[1]}{i}" if extra else "") + "\n" for i in range(n))
    return head + body


def test_counts_at_the_limit_add_up_without_overflow(tmp_path):
    limit = str(L.MAX_COUNT)
    df = mon.load_mentions(write(tmp_path, _rows(3, likes=limit)))
    res = mon.monitor(df, BRANDS)
    assert res["engagement"]["Sukamaju"]["likes"] == 3 * L.MAX_COUNT
    assert res["engagement"]["Sukamaju"]["total"] == 3 * L.MAX_COUNT


@pytest.mark.parametrize("value", [str(L.MAX_COUNT + 1), "99999999999999999999", "9" * 400, "1e300"])
def test_an_oversized_count_is_refused_with_its_column_and_row(tmp_path, value):
    content = _rows(2) + f"2026-12-02T15:05:00+07:00,X,budi,100,Sukamaju,{value},0,0,u9,\n"
    with pytest.raises(MonitoringInputError, match=r"Kolom 'likes', baris 4: .*terlalu besar \(lebih dari "
                                                   r"1\.000\.000\.000\.000\)"):
        mon.load_mentions(write(tmp_path, content))


def test_the_row_limit_holds_at_its_edge(tmp_path):
    path = write(tmp_path, _rows(1000))
    assert len(mon.load_mentions(path, max_rows=1000, drop_duplicates=False)) == 1000
    with pytest.raises(MonitoringInputError, match=r"lebih dari 999 baris.*Bagi ekspor"):
        mon.load_mentions(path, max_rows=999)
    assert L.MAX_ROWS == 2_000_000


def test_errors_in_later_chunks_name_the_row_of_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(L, "CHUNK_ROWS", 10)
    content = _rows(24) + "kemarin sore,X,budi,100,Sukamaju,1,0,0,u99,\n"
    with pytest.raises(MonitoringInputError, match=r"Kolom 'timestamp', baris 26: waktu 'kemarin sore'"):
        mon.load_mentions(write(tmp_path, content))
    chunked = mon.load_mentions(write(tmp_path, _rows(25), name="b.csv"))
    monkeypatch.setattr(L, "CHUNK_ROWS", 100_000)
    whole = mon.load_mentions(write(tmp_path, _rows(25), name="c.csv"))
    pd.testing.assert_frame_equal(chunked, whole)


def test_unused_columns_are_never_held_in_memory(tmp_path):
    # An export with a wide column the analysis does not use (raw JSON, HTML of the post, ...): reading only
    # the used columns keeps memory to what the mentions need.
    import tracemalloc

    narrow = write(tmp_path, _rows(3000), name="sempit.csv")
    wide = write(tmp_path, _rows(3000, extra=("raw_json", "x" * 3000)), name="lebar.csv")

    def peak(path):
        tracemalloc.start()
        try:
            mon.load_mentions(path)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    narrow_peak, wide_peak = peak(narrow), peak(wide)
    assert wide_peak < 1.5 * narrow_peak, (narrow_peak, wide_peak)
