from storysum.rouge import RougeTokenizer, score, truncate_words


def test_tokenizer_keeps_non_ascii_words_whole():
    tokens = RougeTokenizer("de", stem=False).tokenize("Präsident Abrüstung größer")
    assert tokens == ["präsident", "abrüstung", "größer"]


def test_tokenizer_keeps_greek_arabic_and_devanagari():
    assert RougeTokenizer("el", stem=False).tokenize("Η κυβέρνηση ανακοίνωσε") == ["η", "κυβέρνηση", "ανακοίνωσε"]
    assert len(RougeTokenizer("ar", stem=False).tokenize("أعلنت الحكومة خطة")) == 3
    assert RougeTokenizer("hi", stem=False).tokenize("सरकार ने कहा") == ["सरकार", "ने", "कहा"]


def test_german_stemming_merges_inflections():
    tokenizer = RougeTokenizer("de")
    assert tokenizer.tokenize("Präsidenten")[0] == tokenizer.tokenize("Präsident")[0]


def test_text_scores_one_against_itself():
    text = "Der Präsident kündigte Abrüstung an. Die Verhandlungen werden größer."
    result = score(text, [text], "de")
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert abs(result[metric]["r"] - 1.0) < 1e-9 and abs(result[metric]["f"] - 1.0) < 1e-9


def test_scores_average_over_references():
    result = score("a b c d", ["a b c d", "x y z w"], "en")
    assert abs(result["rouge1"]["r"] - 0.5) < 1e-9


def test_truncation_counts_words():
    assert truncate_words("eins zwei drei vier", 2) == "eins zwei"
