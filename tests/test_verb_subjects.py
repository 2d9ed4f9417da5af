"""Who a verb's fact is about (kg.extract.subjects): a bare generic noun ('Researchers',
'Others', 'Police') as the subject names nobody and makes no fact; a determiner or a
modifier keeps it. Sentences written for the test."""

from __future__ import annotations

import pytest
from helpers import corpus_of, fact_rows
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.subjects import _agreeing_antecedent, _subject_off_the_verb, misread_subject


def subjects_of(text: str, lemma: str) -> list[str]:
    return [subject for subject, verb, _, _ in fact_rows(text) if verb == lemma]


@pytest.mark.parametrize(("text", "lemma"), [
    ("Researchers examined the Tarvik glacier samples in March.", "examine"),
    ("Others attacked Ona Vick outside the Harwick station.", "attack"),
    ("Volunteers and neighbours rescued Ona Vick.", "rescue"),
])
def test_a_bare_generic_subject_makes_no_fact(text, lemma):
    assert subjects_of(text, lemma) == [], fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "subject"), [
    ("The Brindle Motors researchers examined the Tarvik samples.", "examine", "researcher"),
    ("Two firefighters rescued Ona Vick.", "rescue", "firefighter"),
    ("Pavel Orlov examined the Tarvik samples.", "examine", "Pavel Orlov"),
    ("Police arrested Ona Vick outside the Harwick station.", "arrest", "police"),
    ("Firefighters rescued Ona Vick from the Harwick mill.", "rescue", "firefighter"),
])
def test_a_described_or_named_subject_still_makes_the_fact(text, lemma, subject):
    assert any(subject.lower() in s.lower() for s in subjects_of(text, lemma)), \
        fact_rows(text)


def test_a_surname_the_tagger_takes_for_a_noun_is_still_a_subject():
    text = "Tom Hollings moved to Harwick. Hollings passed the state bar exam in 1998."
    # The small model tags the second 'Hollings' a plural noun; it is still a doer.
    assert subjects_of(text, "pass"), fact_rows(text)


@pytest.mark.parametrize(("text", "cause", "verb", "harmed"), [
    ("About 2,000 villagers were killed in a border war in 1994.", "border war", "kill",
     "about 2,000 villagers"),
    ("Six protesters were injured in the violence on Sunday.", "violence", "injure",
     "six protesters"),
    ("Marta Olsen was killed in a military operation near Tromsø.", "military operation",
     "kill", "Marta Olsen"),
])
def test_a_war_violence_or_an_operation_does_the_harm_a_passive_says_happened_in_it(
        text, cause, verb, harmed):
    assert (cause, verb, harmed, "asserted") in fact_rows(text), fact_rows(text)


def rules_of(text: str, lemma: str) -> list[tuple[str, str, str]]:
    """(subject label, factuality, rule) of each fact of a text with this verb lemma."""
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [(labels[f.subject.entity_id], f.evidence.factuality.value, f.evidence.rule)
            for f in corpus.facts if f.lemma.split()[0] == lemma]


@pytest.mark.parametrize(("text", "lemma", "subject"), [
    ("The Marlow council is to vote on the new budget next week.", "vote", "Marlow council"),
    ("Dena Rusk and Olek Brand are to open the Tarvik bakery in May.", "open", "Dena Rusk"),
    ("The Harwick ministry said that Dena Rusk was to sign the lease.", "sign", "Dena Rusk"),
])
def test_be_to_is_a_modal_whose_subject_is_the_verbs_own(text, lemma, subject):
    # 'is to vote' says what is to come, as 'will vote' does: the subject is not borrowed
    # from another clause, and the fact is expected.
    rows = [r for r in rules_of(text, lemma) if r[0] == subject]
    assert rows, rules_of(text, lemma)
    assert all(factuality == "expected" and rule.startswith("nsubj-be-to/")
               for _, factuality, rule in rows), rows


@pytest.mark.parametrize(("text", "lemma"), [
    ("Dena Rusk is able to open the Tarvik bakery.", "open"),
    ("Dena Rusk was the first to open a bakery in Tarvik.", "open"),
])
def test_be_with_an_adjective_or_a_noun_before_the_infinitive_is_no_modal(text, lemma):
    assert not any(rule.startswith("nsubj-be-to") for _, _, rule in rules_of(text, lemma))


@pytest.mark.parametrize(("text", "lemma", "subject"), [
    ("Arriving in Tarvik on Monday, Dena Rusk was greeted by the mayor.", "arrive", "Dena Rusk"),
    ("Speaking at the Marlow council, Olek Brand was interrupted by hecklers.", "speak",
     "Olek Brand"),
])
def test_a_fronted_participle_is_done_by_the_passive_main_clauses_subject(text, lemma, subject):
    rows = rules_of(text, lemma)
    assert any(s == subject and rule.startswith("inherited-participle/")
               for s, _, rule in rows), rows


def test_a_participle_after_a_passive_clause_borrows_no_subject():
    # 'prompting protests': the arrest prompted them, not the one arrested.
    rows = rules_of("Dena Rusk was arrested on Monday, prompting protests in Tarvik.", "prompt")
    assert not any(s == "Dena Rusk" for s, _, _ in rows), rows


def test_be_only_to_gives_a_purpose_not_a_modal():
    rows = rules_of("Olek Brand said the Tarvik fence is only to protect the sheep.", "protect")
    assert not any(rule.startswith("nsubj-be-to") for _, _, rule in rows), rows


@pytest.mark.parametrize(("text", "lemma"), [
    ("Beginning in May, the Harwick ferry was closed for repairs.", "begin"),
    ("Starting on Monday, the Tarvik mill was shut by its owners.", "start"),
    ("Starting on Monday, the Tarvik mill cut its hours.", "start"),
])
def test_a_participle_used_as_a_preposition_is_no_ones_deed(text, lemma):
    assert rules_of(text, lemma) == []


@pytest.mark.parametrize(("text", "lemma"), [
    # The noun the infinitive hangs on is the governing verb's own subject: the vote would
    # remove, the dropped plan's dropper would close; neither is said.
    ("In 2004, Tom Reyes was censured; the vote to remove him also failed.", "remove"),
    ("The plan to close the mill was dropped by Dara Voss.", "close"),
    # A noun said of a description, not a name: a goal evacuates nobody.
    ("The other primary goal is a safe corridor to evacuate Ostby families.", "evacuate"),
])
def test_an_infinitive_on_the_governing_verbs_subject_borrows_no_doer(text, lemma):
    assert subjects_of(text, lemma) == [], fact_rows(text)


def test_an_infinitive_on_a_noun_said_of_a_name_is_that_names_deed():
    text = "Kessel Air is the first airline to fly to Ostby."
    assert subjects_of(text, "fly") == ["Kessel Air"], fact_rows(text)


def test_a_clause_whose_subject_the_parser_joined_to_the_object_is_that_subjects():
    text = ("The report said Ostby police had arrested Tom Reyes and Kessel Air would be "
            "suing the council.")
    assert subjects_of(text, "sue") == ["Kessel Air"], fact_rows(text)


def test_a_bare_gerund_joined_to_a_finite_verb_borrows_no_subject():
    text = "Tom Reyes's charges include arson and illegally possessing a rifle."
    assert subjects_of(text, "possess") == [], fact_rows(text)


def test_two_joined_ing_forms_share_their_subject():
    text = "Dara Voss was singing and dancing at the Ostby fair."
    assert subjects_of(text, "dance at") == ["Dara Voss"], fact_rows(text)


@pytest.mark.parametrize(("text", "lemma"), [
    # A universal or negative quantifier speaks of a kind, or of nobody.
    ("Tom Reyes said he did what any Ostby farmer would do and tried to stop the fire.",
     "stop"),
    ("No country recognises the Ostby council.", "recognise"),
    ("Every member of the Ostby council signed the letter.", "sign"),
])
def test_a_quantified_subject_is_no_participant(text, lemma):
    assert subjects_of(text, lemma) == [], fact_rows(text)


def test_an_ing_form_joined_to_a_verb_without_its_own_subject_still_borrows():
    text = ("Tom Reyes was released in 2018 and has been out on licence, also called parole, "
            "and living in Harwick.")
    assert subjects_of(text, "live") == ["Tom Reyes"], fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "about"), [
    # 'who' asks for a person: not the commission the parser hung it on
    ("The mayor thanked a director of the Harbor Commission, who was treated at a clinic.",
     "treat", "director of the Harbor Commission"),
    # a singular verb asks for a singular noun: the leader, not the rebels
    ("Fans cheered the leader of the rebels who was freed on Monday.", "free",
     "leader of the rebels"),
    # 'which' asks for no person: the report, not the minister
    ("Pavel Orlov read the report of the minister, which was published on Monday.",
     "publish", "report of the minister"),
])
def test_a_relative_clause_is_about_the_noun_its_word_and_number_fit(text, lemma, about):
    rows = [(subject, obj) for subject, verb, obj, _ in fact_rows(text) if verb == lemma]
    assert rows and all(about in (subject, obj) for subject, obj in rows), fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "doer"), [
    # 'who' fits both nouns; the person is likelier than the team or the truck
    ("Voters cheered the coach of the team who resigned after the final.", "resign",
     "coach of the team"),
    ("Police questioned a driver of the truck who fled the scene.", "flee",
     "driver of the truck"),
    # a deed is not done by an abstraction: the quake struck, not its magnitude
    ("An earthquake with a magnitude of 6.8 that struck eastern Turkey on Friday destroyed "
     "a school.", "strike", "earthquake"),
    ("Rescuers reached the survivors of a fire with a temperature that destroyed the "
     "warehouse.", "destroy", "fire"),
    # nor by an amount: the wave struck, not its ten metres
    ("Engineers studied a wave of ten metres that struck the harbour on Monday.", "strike",
     "wave of ten metres"),
])
def test_a_relative_clause_both_nouns_fit_is_about_the_likelier_doer(text, lemma, doer):
    rows = [subject for subject, verb, _, _ in fact_rows(text) if verb == lemma]
    assert rows == [doer], fact_rows(text)


def test_a_relative_clause_between_two_people_keeps_the_parse():
    rows = fact_rows("The mayor praised the aide of the minister who resigned on Friday.")
    assert [s for s, verb, _, _ in rows if verb == "resign"] == ["minister"], rows


@pytest.mark.parametrize(("text", "verb", "about"), [
    # 'will' is an abstraction too: no likelier doer than the majority the parser chose
    ("Leaders respected the will of the majority, who rejected the plan.", "rejected",
     "majority"),
    ("Engineers studied a wave of ten metres that struck the harbour on Monday.", "struck",
     "wave"),
])
def test_the_outer_noun_wins_a_relative_clause_only_when_it_can_do_the_deed(
        nlp, text, verb, about):
    clause = next(t for t in nlp(text) if t.text == verb)
    assert _agreeing_antecedent(clause).text == about


@pytest.mark.parametrize(("text", "lemma", "doer"), [
    # the one held to the deed did it, though a common noun names them, not the police
    ("Police arrested a teacher for stealing a car.", "steal", "teacher"),
    ("Police charged two nurses with stealing drugs from the clinic.", "steal", "two nurses"),
    ("The court convicted a soldier of killing a farmer.", "kill", "soldier"),
])
def test_a_person_described_by_a_noun_did_the_deed_they_are_held_to(text, lemma, doer):
    rows = [subject for subject, verb, _, _ in fact_rows(text) if verb == lemma]
    assert rows == [doer], fact_rows(text)


def test_a_relative_clause_keeps_the_noun_it_hangs_on_when_that_fits():
    rows = fact_rows("Fans cheered the sister of Ona Vick, who was freed on Monday.")
    assert any("Ona Vick" in (subject, obj) for subject, verb, obj, _ in rows
               if verb == "free"), rows


def test_a_who_clause_on_a_description_of_a_place_is_not_the_places():
    text = ("The flu killed two visitors in Ostby, Norland - a man from Dravia who tested "
            "positive for the virus.")
    subjects = subjects_of(text, "test")
    assert subjects and "Ostby" not in subjects, fact_rows(text)


def test_a_subject_swallowed_by_an_opening_clause_is_the_next_verbs_subject():
    # No comma after 'once it drifted off': the parser reads 'off the Harland council' as
    # the storm's path and leaves 'lifted' with no subject, which then borrowed the storm.
    text = ("On Monday, the storm stalled north of Velka Island for a day, but once it drifted "
            "off the Harland council lifted its flood warnings.")
    lifters = subjects_of(text, "lift")
    assert "Harland council" in lifters, fact_rows(text)
    assert "storm" not in lifters, fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "subjects"), [
    # the parser makes the first name a modifier of the second, with the 'and' on it
    ("On Monday, Canadian Premier Lisa Hardy and French Minister Paul Ganet spoke on the "
     "phone about the tariffs.", "speak", {"Lisa Hardy", "Paul Ganet"}),
    # the parser joins the second name to the first one's state
    ("Governor Ruth Ellery of Vermont and Tomas Brandt, formerly the head of Kestrel Bank, "
     "ended their campaigns.", "end", {"Ruth Ellery", "Tomas Brandt"}),
])
def test_a_name_joined_inside_the_subjects_phrase_is_a_subject_too(text, lemma, subjects):
    assert set(subjects_of(text, lemma)) == subjects, fact_rows(text)


def test_a_place_joined_to_a_subjects_place_is_no_subject():
    text = "Ruth Ellery of Vermont and Maine visited the Tarrow dam."
    assert subjects_of(text, "visit") == ["Ruth Ellery"], fact_rows(text)


def test_a_counted_noun_for_countries_is_not_the_people_named_before():
    text = ("Lisa Hardy and Paul Ganet spoke on the phone about the tariffs. Then both nations "
            "issued statements on the quotas.")
    issuers = subjects_of(text, "issue")
    assert "Lisa Hardy" not in issuers and "Paul Ganet" not in issuers, fact_rows(text)


def test_a_counted_noun_for_people_is_still_the_people_named_before():
    text = ("Lisa Hardy and Paul Ganet met in Tarrow on Monday. The two signed a fishing "
            "treaty.")
    assert set(subjects_of(text, "sign")) == {"Lisa Hardy", "Paul Ganet"}, fact_rows(text)


def test_the_object_of_a_relative_clause_is_no_subject_of_the_main_verb():
    # The small model hangs 'Oren Tully' on 'shot' as a second passive subject; he is what
    # the arrow struck, not what was shot from the tower.
    text = "The arrow that grazed the mayor's arm and struck Captain Oren Tully was shot " \
        "from the tower."
    rows = fact_rows(text)
    assert not [r for r in rows if r[1] == "shoot" and "Tully" in (r[0] + str(r[2]))], rows


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str],
            tags: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_sentence_without_a_main_verb_leaves_its_relative_clause_subject_misread():
    # 'The mill where Quist hid after the funeral of Mayor Brenne has been sold.' read as the
    # parser misreads such sentences: 'sold' a relative clause on 'funeral', Brenne its subject.
    words = ["The", "mill", "where", "Quist", "hid", "after", "the", "funeral", "of", "Mayor",
             "Brenne", "has", "been", "sold", "."]
    heads = [1, 1, 4, 4, 1, 4, 7, 5, 7, 10, 13, 13, 13, 7, 1]
    deps = ["det", "ROOT", "advmod", "nsubj", "relcl", "prep", "det", "pobj", "prep",
            "compound", "nsubjpass", "aux", "auxpass", "relcl", "punct"]
    pos = ["DET", "NOUN", "ADV", "PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN",
           "PROPN", "AUX", "AUX", "VERB", "PUNCT"]
    tags = ["DT", "NN", "WRB", "NNP", "VBD", "IN", "DT", "NN", "IN", "NNP", "NNP", "VBZ",
            "VBN", "VBN", "."]
    doc = _parsed(words, heads, deps, pos, tags)
    assert misread_subject(doc[10])
    assert not misread_subject(doc[3])  # 'where Quist hid': an active clause's own subject


def test_a_relative_clause_with_its_own_relative_word_keeps_its_subject():
    # 'The house which Brenne was given burned.': a passive relative clause opened by 'which',
    # with a main verb after it, has a subject of its own.
    words = ["The", "house", "which", "Brenne", "was", "given", "burned", "."]
    heads = [1, 6, 5, 5, 5, 1, 6, 6]
    deps = ["det", "nsubj", "dobj", "nsubjpass", "auxpass", "relcl", "ROOT", "punct"]
    pos = ["DET", "NOUN", "PRON", "PROPN", "AUX", "VERB", "VERB", "PUNCT"]
    tags = ["DT", "NN", "WDT", "NNP", "VBD", "VBN", "VBD", "."]
    doc = _parsed(words, heads, deps, pos, tags)
    assert not misread_subject(doc[3])


@pytest.mark.parametrize(("verb", "lemma", "misread"), [
    ("struck", "strike", True),  # a verb of harm takes the name as its object
    ("said", "say", False),  # a speech verb governs a clause: the name is its subject
])
def test_a_name_after_a_verb_of_harm_in_a_relative_clause_is_its_object(verb, lemma, misread):
    # 'The bullet that struck Mayor Ola Berg was fired.' as the parser misreads it: 'fired'
    # a clause under 'struck', Berg its passive subject.
    words = ["The", "bullet", "that", verb, "Mayor", "Ola", "Berg", "was", "fired", "."]
    heads = [1, 1, 3, 1, 6, 6, 8, 8, 3, 1]
    deps = ["det", "ROOT", "nsubj", "relcl", "compound", "compound", "nsubjpass", "auxpass",
            "ccomp", "punct"]
    pos = ["DET", "NOUN", "PRON", "VERB", "PROPN", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"]
    tags = ["DT", "NN", "WDT", "VBD", "NNP", "NNP", "NNP", "VBD", "VBN", "."]
    lemmas = ["the", "bullet", "that", lemma, "Mayor", "Ola", "Berg", "be", "fire", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert misread_subject(doc[6]) is misread


@pytest.mark.parametrize(("text", "lemma", "whole"), [
    ("Some of Orlan Brisk's neighbours threw stones at the Tarvik depot.", "throw", "neighbour"),
    ("All of the workers at the Kessel plant joined the strike.", "join", "worker"),
])
def test_a_partitive_subject_is_the_whole_its_of_phrase_names(text, lemma, whole):
    subjects = subjects_of(text, lemma)
    assert subjects, fact_rows(text)
    assert all(whole in s.lower() for s in subjects), subjects


@pytest.mark.parametrize(("text", "lemma"), [
    ("None of the Kessel guards saw the thief.", "see"),
    ("Any of the Tarvik miners could have taken the lamp.", "take"),
])
def test_a_partitive_of_nobody_or_a_kind_makes_no_subject(text, lemma):
    assert subjects_of(text, lemma) == [], fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "doer"), [
    # a participle or a purpose clause on the second of two verbs that share one subject
    ("Mira Kest sailed to Porto and seized the Tarvik fort, taking twenty guards hostage.",
     "take", "Mira Kest"),
    ("Ona Vick flew to Harwick and met the mayor to discuss the Tarvik budget.",
     "discuss", "Ona Vick"),
])
def test_an_adverbial_on_a_coordinated_verb_is_done_by_the_shared_subject(text, lemma, doer):
    assert doer in subjects_of(text, lemma), fact_rows(text)


@pytest.mark.parametrize(("text", "lemma"), [
    # the first verb is passive: its subject is the patient, and the participle may be
    # said of the whole event, not of her
    ("Mira Kest was arrested in Porto and fined, prompting protests in Harwick.", "prompt"),
])
def test_an_adverbial_after_a_passive_coordination_borrows_no_subject(text, lemma):
    assert "Mira Kest" not in subjects_of(text, lemma), fact_rows(text)


def test_an_adverbial_after_a_relative_clause_borrows_no_shared_subject():
    # the parser may join 'drop' to 'is': the firms drop out and focus, not the shop
    text = ("The Kestrel shop is part of the Velmar trade, which has seen two firms, Tarvik "
            "and Harwick, drop out of the market to focus on selling trucks.")
    assert "Kestrel shop" not in subjects_of(text, "focus"), fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "doers"), [
    # the parser reads the noun before a clause without 'that' as the speech verb's object
    ("The Varden council announced on Twitter the Kessel Agency and the Tarvik Board were to "
     "inspect the Orlo dam.", "inspect", {"Kessel Agency", "Tarvik Board"}),
    ("Judge Mara Lind ordered Peter Hallam remain in the Bergen jail until May.", "remain in",
     {"Peter Hallam"}),
])
def test_a_clause_subject_read_as_the_governing_verbs_object_is_the_clauses(text, lemma,
                                                                           doers):
    assert doers <= set(subjects_of(text, lemma)), fact_rows(text)


@pytest.mark.parametrize(("text", "lemma", "doer"), [
    ("Mara Lind won the vote and was asked to lead the Kessel Institute.", "lead", "Mara Lind"),
    ("The Kessel Company cut prices in May and is expected to open a plant in Bergen.",
     "open", "Kessel Company"),
])
def test_an_infinitive_on_a_passive_joined_to_an_active_verb_is_the_shared_subjects(
        text, lemma, doer):
    assert doer in subjects_of(text, lemma), fact_rows(text)


def test_a_passive_joined_inside_a_relative_clause_lends_no_subject_to_the_main_verb():
    text = "Ona Vick, who won the vote and was asked to lead the Kessel Institute, thanked " \
        "Peter Hallam."
    assert subjects_of(text, "thank") == ["Ona Vick"], fact_rows(text)


def _interrupted(negated: bool) -> Doc:
    # 'They had (not), her father says, paid the smugglers.' as the parser reads it when a
    # phrase parts the auxiliary from its verb: the subject hung on 'had'.
    words = ["They", "had", *(["not"] if negated else []), ",", "her", "father", "says", ",",
             "paid", "the", "smugglers", "."]
    n = 1 if negated else 0
    verb = 7 + n
    heads = [1, verb, *([1] if negated else []), 5 + n, 4 + n, 5 + n, verb, 5 + n, verb,
             9 + n + 1, verb, verb]
    deps = ["nsubj", "aux", *(["neg"] if negated else []), "punct", "poss", "nsubj",
            "parataxis", "punct", "ROOT", "det", "dobj", "punct"]
    pos = ["PRON", "AUX", *(["PART"] if negated else []), "PUNCT", "PRON", "NOUN", "VERB",
           "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["PRP", "VBD", *(["RB"] if negated else []), ",", "PRP$", "NN", "VBZ", ",", "VBD",
            "DT", "NNS", "."]
    return _parsed(words, heads, deps, pos, tags)


def test_a_subject_hung_on_the_auxiliary_past_an_interruption_is_the_verbs():
    doc = _interrupted(negated=False)
    assert [t.text for t in _subject_off_the_verb(doc[7])] == ["They"]


def test_a_subject_hung_on_a_negated_auxiliary_is_left_alone():
    # the negation is on 'had' too, where the factuality of 'paid' would not see it
    doc = _interrupted(negated=True)
    assert _subject_off_the_verb(doc[8]) == []


def test_a_subject_read_as_a_second_object_of_an_opening_time_phrase_is_the_verbs():
    # 'On Friday the assembly voted.' read with 'assembly' as a second object of 'On'
    words = ["On", "Friday", "the", "assembly", "voted", "."]
    doc = Doc(Vocab(), words=words, heads=[4, 0, 3, 0, 4, 4],
              deps=["prep", "pobj", "det", "pobj", "ROOT", "punct"],
              pos=["ADP", "PROPN", "DET", "NOUN", "VERB", "PUNCT"],
              tags=["IN", "NNP", "DT", "NN", "VBD", "."],
              ents=["O", "B-DATE", "O", "O", "O", "O"])
    assert [t.text for t in _subject_off_the_verb(doc[4])] == ["assembly"]
    dated = Doc(Vocab(), words=["On", "Friday", "voted", "."], heads=[2, 0, 2, 2],
                deps=["prep", "pobj", "ROOT", "punct"], pos=["ADP", "PROPN", "VERB", "PUNCT"],
                tags=["IN", "NNP", "VBD", "."], ents=["O", "B-DATE", "O", "O"])
    assert _subject_off_the_verb(dated[2]) == []  # the date itself is no subject
