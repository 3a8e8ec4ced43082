"""Sentences to quote (kreport/extract/sentences.py): line wraps kept inside, bullets and headings apart."""

from __future__ import annotations

from kreport.extract.sentences import segments


def test_a_line_wrap_stays_inside_its_sentence_and_bullets_are_left_out():
    text = ("Fourth Quarter 2023 Key Highlights\n- Average DAUs on Kuaishou APP were 382.5 million, representing an increase of\n"
            "4.5% from 366.2 million for the same period of 2022. - Average MAUs on Kuaishou APP were 700.4 million.")
    found = segments(text, lambda line: line.endswith("Highlights"))
    assert [s.text for s in found] == [
        "Fourth Quarter 2023 Key Highlights",
        "Average DAUs on Kuaishou APP were 382.5 million, representing an increase of\n4.5% from 366.2 million for the same period of 2022.",
        "Average MAUs on Kuaishou APP were 700.4 million.",
    ]
    assert found[0].heading and not found[1].heading
    assert all(text[s.start:s.end] == s.text for s in found)  # the quote is the original text


def test_abbreviations_and_decimals_do_not_end_a_sentence():
    text = "Mr. Cheng said revenue was RMB290.2 billion. Pinduoduo Inc. (NASDAQ: PDD) grew.\n\nNext paragraph"
    assert [s.text for s in segments(text)] == ["Mr. Cheng said revenue was RMB290.2 billion.",
                                                "Pinduoduo Inc. (NASDAQ: PDD) grew.", "Next paragraph"]


def test_chinese_full_stops_and_bullet_lines():
    text = "2024年第四季度業績摘要\n  • 快手應用平均日活躍用戶為4.010億。總收入為人民幣354億元。\n • 毛利為人民幣191億元。"
    assert [s.text for s in segments(text)] == ["2024年第四季度業績摘要", "快手應用平均日活躍用戶為4.010億。", "總收入為人民幣354億元。",
                                                "毛利為人民幣191億元。"]


def test_a_lone_dash_line_is_a_bullet_and_a_split_decimal_does_not_end_a_sentence():
    text = "-\nTotal revenue increased by 11.4% to\nRMB31. 1 billion from RMB27.9 billion. -\nGross profit"
    assert [s.text for s in segments(text)] == ["Total revenue increased by 11.4% to\nRMB31. 1 billion from RMB27.9 billion.", "Gross profit"]


def test_splitting_is_linear_in_the_length_of_the_text():
    """Issue 24 item 12: each full stop re-scanned all the text before it (200 KB: 15 s, 1 MB: over 5 minutes)."""
    import time

    sentence = "Mr. Cheng said revenue of Kuaishou Inc. was RMB290.2 billion in the quarter. "
    text = sentence * (1_000_000 // len(sentence))
    started = time.perf_counter()
    found = segments(text)
    assert time.perf_counter() - started < 10
    assert len(found) == text.count("quarter.") and found[-1].text == sentence.strip()


def test_a_line_of_many_bullets_is_trimmed_in_linear_time():
    import time

    text = "- " * 200_000 + "Revenue was RMB1 billion."
    started = time.perf_counter()
    assert [s.text for s in segments(text)] == ["Revenue was RMB1 billion."]
    assert time.perf_counter() - started < 10


def test_the_word_before_a_full_stop_is_judged_alone():
    text = ("x" * 100) + " Inc. grew. A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.G. Next."
    assert [s.text for s in segments(text)] == [("x" * 100) + " Inc. grew.", "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.A.B.C.D.E.F.G.",
                                                "Next."]


def test_run_together_bullets_citations_links_and_captions_end_sentences():
    text = "Third Quarter 2031 Highlights * Net revenues were RMB174.2 billion. * Net service revenues were RMB30.1 billion."
    found = segments(text, lambda line: line.endswith("Highlights"))
    assert [(s.text, s.heading) for s in found] == [("Third Quarter 2031 Highlights", True), ("Net revenues were RMB174.2 billion.", False),
                                                    ("Net service revenues were RMB30.1 billion.", False)]
    text = "revenue reaching 86.8 billion RMB [1][2][18] - Advertising revenue reached 42.5 billion RMB [2][20] [Summary](index=1) In Q1"
    assert [s.text for s in segments(text)] == ["revenue reaching 86.8 billion RMB [1][2][18]", "Advertising revenue reached 42.5 billion RMB [2][20]",
                                                "[Summary](index=1)", "In Q1"]
    text = "截自快手业绩公告\n(资料图)\n2031年第二季度,快手收入为277亿元。"
    assert [s.text for s in segments(text)] == ["截自快手业绩公告", "(资料图)", "2031年第二季度,快手收入为277亿元。"]


def test_a_highlights_heading_run_into_its_first_bullet_stands_alone():
    text = "It announced its results. Second Quarter 2031 Highlights Net revenues were RMB300.1 billion for the second quarter of 2031."
    found = segments(text, lambda line: line.endswith("Highlights"))
    assert [(s.text, s.heading) for s in found] == [("It announced its results.", False), ("Second Quarter 2031 Highlights", True),
                                                    ("Net revenues were RMB300.1 billion for the second quarter of 2031.", False)]


def test_a_question_mark_glued_to_the_next_word_is_a_lost_character_not_a_sentence_end():
    text = "公司上半年?duì)I收为603.83亿元,较2030年同期增长14.0%。二季度,收入为309.75亿元? 是的。"
    found = [s.text for s in segments(text, lambda line: False)]
    assert found == ["公司上半年?duì)I收为603.83亿元,较2030年同期增长14.0%。", "二季度,收入为309.75亿元?", "是的。"]


def test_a_line_ending_a_clause_or_a_paragraph_before_a_capital_starts_a_new_piece():
    text = ("Investors should track AI conversion efficiency.\nPerformance\nCore Data Highlights\n"
            "Q4 revenue of RMB40.1bn (+8.7% yoy), above expectations;\nAdjusted net profit of 5.1 billion yuan, full-year 19 billion;\n"
            "Daily active users 421 million (+4.8% yoy).\nExamplecorp Inc.\nReported the figures.")
    found = [s.text for s in segments(text, lambda line: False)]
    assert "Daily active users 421 million (+4.8% yoy)." in found
    assert "Q4 revenue of RMB40.1bn (+8.7% yoy), above expectations;" in found
    assert "Examplecorp Inc.\nReported the figures." in found  # an abbreviation at a line's end ends nothing


def test_a_short_chinese_label_before_a_line_opening_with_a_period_is_a_piece_of_its_own():
    text = "快手收入為409.75億元。\n截圖自企業(yè)公告\n二季度,快手應用的平均日活躍用戶達到了4.01億。\n快手应用\n的日活跃用户"
    found = [s.text for s in segments(text, lambda line: False)]
    assert found == ["快手收入為409.75億元。", "截圖自企業(yè)公告", "二季度,快手應用的平均日活躍用戶達到了4.01億。", "快手应用\n的日活跃用户"]
