from pressdesk.extract.orgs import extract_orgs
from pressdesk.extract.people import extract_people, person_key


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in extract_people(text, extract_orgs(text))]


def test_title_before_full_name_and_short_reference_merge() -> None:
    text = "Finance Minister Choi Sang-mok met investors. Minister Choi said rates would hold."
    (person,) = extract_people(text, extract_orgs(text))
    assert (person.name, person.role) == ("Choi Sang-mok", "Finance Minister")
    assert "Minister Choi" in person.variants


def test_apposition_gives_the_role() -> None:
    text = "Nguyen Van Thanh, Vietnam's Deputy Minister of Industry and Trade, visited Busan."
    assert people(text) == [("Nguyen Van Thanh", "Vietnam's Deputy Minister of Industry and Trade")]


def test_org_before_title_is_the_affiliation() -> None:
    text = "The Korea Electronics Association (KEA) hosted it. KEA Chairman Kwak Noh-jung spoke."
    (person,) = extract_people(text, extract_orgs(text))
    assert person.name == "Kwak Noh-jung"
    assert person.org == "Korea Electronics Association"


def test_a_title_at_a_body_whose_name_holds_a_comma_is_split() -> None:
    text = ("The Ministry of Energy, Mines and Water (MEMW) hosted the talks. Anna Berg, Deputy "
            "Minister for Trade at the Ministry of Energy, Mines and Water, met the delegation.")
    (person,) = extract_people(text, extract_orgs(text))
    assert (person.name, person.role, person.org) == (
        "Anna Berg", "Deputy Minister for Trade", "Ministry of Energy, Mines and Water")


def test_parenthetical_minister_takes_the_ministry() -> None:
    text = "The Ministry of Environment (ME, Minister Han Hwa-jin) announced a plan."
    (person,) = extract_people(text, extract_orgs(text))
    assert (person.name, person.role, person.org) == ("Han Hwa-jin", "Minister", "Ministry of Environment")


def test_titled_surname_without_full_name_stands_alone() -> None:
    text = "Under Chancellor Merz's plan, Germany will invest more."
    assert people(text) == [("Merz", "Chancellor")]


def test_bare_unresolved_surname_is_dropped() -> None:
    assert people("Smith said the plan was sound.") == []


def test_given_name_shape_and_speech() -> None:
    text = "“We are ready,” said Sarah Connolly, a spokesperson for the Irish Department of Finance."
    assert people(text) == [("Sarah Connolly", "spokesperson for the Irish Department of Finance")]


def test_advisor_to_the_president_is_not_the_president() -> None:
    text = "Senior Advisor to the President Maria Lopez spoke. President Lopez later signed the bill."
    assert [p[0] for p in people(text)] == ["Maria Lopez", "Lopez"]


def test_two_people_with_one_surname_resolve_by_title() -> None:
    text = (
        "Minister Lee Jae-won and Governor Lee Min-ho met. "
        "Governor Lee said prices were stable, and Minister Lee agreed."
    )
    found = extract_people(text, extract_orgs(text))
    assert [len(p.spans) for p in found] == [2, 2]


def test_honorifics_and_particles_fold_in_the_key() -> None:
    assert person_key("Dato' Ahmad bin Ismail") == person_key("Ahmad Ismail")
    assert person_key("John F. Kennedy") == person_key("John Kennedy")


def test_orgs_and_headlines_are_not_people() -> None:
    text = "Minister Pledges Stronger Export Support\n\nHanwha Shipbuilding said orders rose."
    assert people(text) == []


def test_title_complement_is_not_part_of_the_name() -> None:
    text = "Thai Vice Minister of Commerce Somchai Rattanakul said talks went well."
    assert people(text) == [("Somchai Rattanakul", "Thai Vice Minister of Commerce")]


def test_places_and_relative_clauses_are_not_people() -> None:
    text = "New Zealand, Prime Minister Anna Reed said, will sign. Tom Hale, who is chairman, agreed."
    assert [p[0] for p in people(text)] == ["Anna Reed", "Tom Hale"]


def test_a_company_named_like_a_person_is_not_a_person() -> None:
    text = "Morgan Stanley Inc said profits rose. Morgan Stanley said more."
    assert people(text) == []


def test_portfolio_list_before_the_name() -> None:
    text = "Minister for Trade, Energy and Industry Lim Wee Kiat met them. Mr Lim said it went well."
    (person,) = extract_people(text, extract_orgs(text))
    assert (person.name, person.role) == ("Lim Wee Kiat", "Minister for Trade, Energy and Industry")
    assert "Mr Lim" in person.variants


def test_family_name_in_capitals() -> None:
    text = "Minister of Finance KATO Hiroshi spoke. Minister Kato said more."
    (person,) = extract_people(text, extract_orgs(text))
    assert person.name == "KATO Hiroshi" and len(person.spans) == 2


def test_courtesy_title_is_not_a_role() -> None:
    text = "Shri Rajesh Kumar, Secretary of Commerce, said exports rose."
    assert people(text) == [("Rajesh Kumar", "Secretary of Commerce")]


def test_firm_after_a_preposition_is_not_a_person() -> None:
    assert people("Analysts at Morgan Grenfell said the deal was likely.") == []


def test_vietnamese_names() -> None:
    text = "Deputy Prime Minister Tran Hong Ha and Le Minh Khai, a deputy minister, attended."
    assert [p[0] for p in people(text)] == ["Tran Hong Ha", "Le Minh Khai"]


def test_name_particles_and_sentence_breaks_in_roles() -> None:
    text = "Talks ended on Sunday. Commission President Anna van der Berg said the deal was done."
    assert people(text) == [("Anna van der Berg", "Commission President")]


def test_korean_name_after_a_long_portfolio() -> None:
    text = "Vice Minister for Trade Negotiations Lee Seung-ho met them. Vice Minister Lee said more."
    (person,) = extract_people(text, extract_orgs(text))
    assert (person.name, person.role) == ("Lee Seung-ho", "Vice Minister for Trade Negotiations")


def test_compounds_and_common_nouns_are_not_names() -> None:
    text = "Nobel Prize-winning economist Ana Ruiz and a Green Party official said so."
    assert people(text) == [("Ana Ruiz", "Nobel Prize-winning economist")]


def test_headline_verb_after_a_title_is_not_a_surname() -> None:
    assert people("Finance Minister Resigns Over Budget Row\n\nThe minister left.") == []


def test_title_and_portfolio_between_commas() -> None:
    text = "Peru's Minister of Production, Trade and Fisheries, Inés Quispe, welcomed the deal."
    assert people(text) == [("Inés Quispe", "Peru's Minister of Production, Trade and Fisheries")]


def test_role_starts_at_the_nearest_title() -> None:
    text = "Minister Oh Jin-ho and Japan's Vice-Minister for Economic Affairs Sato Ren spoke."
    assert people(text)[1] == ("Sato Ren", "Japan's Vice-Minister for Economic Affairs")


def test_long_us_style_titles() -> None:
    text = "Under Secretary of Commerce for Industry and Security Paul Hart said so."
    assert people(text) == [("Paul Hart", "Under Secretary of Commerce for Industry and Security")]


def test_names_made_only_of_honorifics_or_initials_are_ignored() -> None:
    text = "Mr. A. B. said so, and Dr. J. agreed. President Mr. said more. A. B. added."
    assert all(p.name.strip() for p in extract_people(text, extract_orgs(text)))


def test_bare_name_counts_when_its_surname_speaks_elsewhere() -> None:
    text = "Marta Olsen met investors on Monday. Later, Olsen said the plant would open."
    assert people(text) == [("Marta Olsen", None)]
    assert people("Marta Olsen met investors on Monday.") == []


def test_a_company_named_first_is_not_confirmed_as_a_person() -> None:
    assert people("Guest Supply agreed to the sale. Guest said terms were not disclosed.") == []


def test_a_thing_named_like_a_person_is_not_a_person() -> None:
    assert people("Maria Clara, a 2,600-ton frigate built in Ulsan, was delivered.") == []


def test_a_firm_named_after_its_founders_is_not_a_person() -> None:
    text = "Morgan Brown Securities Inc. agreed. Separately, Morgan Brown said nothing."
    assert people(text) == []


def test_more_given_names_and_numbers_are_not_names() -> None:
    assert people("Earlier, Tim Hodgson met A320 Airbus buyers; Hodgson said it went well.") == [
        ("Tim Hodgson", None)
    ]


def test_a_role_reaches_back_only_over_a_portfolio() -> None:
    text = (
        "Director General for Energy Policy Yoo Jin-ho and Korea Gas Corp. (KOGAS) President Ra Mi-ok spoke."
    )
    assert people(text)[1] == ("Ra Mi-ok", "Korea Gas Corp. (KOGAS) President")


def test_honourable_frame_and_letters_after_the_name_are_not_the_name() -> None:
    text = (
        "The Hon Rowan Pettigrew MP\nMinister for Regional Development\n\n"
        "Minister Pettigrew said the grants were welcome. Senator the Hon Kirra Wakefield said"
        " so too, as did the Rt Hon Oliver Brant KC."
    )
    assert people(text) == [
        ("Rowan Pettigrew", "Minister for Regional Development"),
        ("Kirra Wakefield", "Senator"),
        ("Oliver Brant", None),
    ]


def test_courtesy_title_between_a_role_and_a_name() -> None:
    text = "Minister of State for Rural Affairs Smt. Meena Devraj said the plan was sound."
    assert people(text) == [("Meena Devraj", "Minister of State for Rural Affairs")]


def test_name_on_its_own_line_takes_the_title_on_the_next() -> None:
    text = (
        "The fund opens in May.\n\nContacts\nMarie-Claude Fortin\nPress Secretary\n"
        "Office of the Minister\n613-555-0100"
    )
    assert people(text) == [("Marie-Claude Fortin", "Press Secretary")]


def test_chaired_by_gives_the_role_chair() -> None:
    text = "The review panel was chaired by Ms Ilse Vandermeer (Belgium)."
    assert people(text) == [("Ilse Vandermeer", "chair")]


def test_letters_after_a_name_do_not_hide_its_apposition() -> None:
    text = (
        "The Rt Hon Kemi Bakare MP, Secretary of State for Business and Trade, spoke."
        " Dr. Imogen Frail agreed."
    )
    assert people(text) == [
        ("Kemi Bakare", "Secretary of State for Business and Trade"),
        ("Imogen Frail", None),
    ]


def test_title_line_with_a_comma_in_a_contact_block() -> None:
    text = "Grants open soon.\n\nMedia contact:\nSiobhan Carroll\nDirector, Communications\n+61 2 6277 7420"
    assert people(text) == [("Siobhan Carroll", "Director, Communications")]


def test_title_before_a_courtesy_title_and_a_name() -> None:
    text = (
        "The Secretary for Commerce and Economic Development, Mr Algernon Yuen, said trade grew. "
        "Secretary, Department of Commerce, Shri Ravi Barthwal briefed the media. "
        "At a dinner with the Minister, Mr Lim Boon Heng said so."
    )
    assert people(text) == [
        ("Algernon Yuen", "Secretary for Commerce and Economic Development"),
        ("Ravi Barthwal", "Secretary, Department of Commerce"),
        ("Lim Boon Heng", None),
    ]


def test_bare_hon_before_a_name_and_irish_letters() -> None:
    text = (
        "Hon Todd McKinley, Minister for Trade, welcomed it, as did Simon Harte TD, Minister for Enterprise."
    )
    assert people(text) == [
        ("Todd McKinley", "Minister for Trade"),
        ("Simon Harte", "Minister for Enterprise"),
    ]


def test_names_with_central_european_capitals() -> None:
    text = "Trade Commissioner Maroš Šefčovič met Łukasz Nowak, Poland's deputy minister of development."
    assert people(text) == [
        ("Maroš Šefčovič", "Trade Commissioner"),
        ("Łukasz Nowak", "Poland's deputy minister of development"),
    ]


def test_who_heads_gives_a_role() -> None:
    text = "Tomas Brenner, who heads the Alpine Institute, said so. Vilja Roe, who said no, left."
    assert people(text) == [("Tomas Brenner", "head")]


def test_portfolio_line_after_a_titled_name_line() -> None:
    text = "Joint media release\nSenator the Hon Don Farrow\nMinister for Trade and Tourism\n\nExports rose."
    assert people(text) == [("Don Farrow", "Minister for Trade and Tourism")]


def test_malay_honorifics_are_neither_name_nor_role() -> None:
    text = (
        "Minister of Investment, Trade and Industry YB Tengku Datuk Seri Utama Rahim Aziz said so."
        " Dato' Sri Lim Kok Wing spoke."
    )
    assert people(text) == [
        ("Tengku Rahim Aziz", "Minister of Investment, Trade and Industry"),
        ("Lim Kok Wing", None),
    ]


def test_a_role_wrapped_over_two_lines_is_one_line() -> None:
    text = ("Officials agreed.\n    Lena Okafor, deputy head of the government's Board\nfor"
            " Coastal Shipping and Ports, said she expects\nfreight to recover.")
    assert people(text) == [
        ("Lena Okafor", "deputy head of the government's Board for Coastal Shipping and Ports"),
    ]


def test_a_portfolio_in_lower_case_is_part_of_the_role() -> None:
    text = ("Norwegian finance minister Arne Vollan met U.S. agriculture secretary Dana Whitcombe."
            " Omani oil minister Salim Harthy spoke.")
    assert people(text) == [("Arne Vollan", "finance minister"),
                            ("Dana Whitcombe", "agriculture secretary"),
                            ("Salim Harthy", "oil minister")]


def test_a_name_wrapped_over_two_lines_of_a_wire_story_is_one_person() -> None:
    lines = [  # a wire's lines, wrapped under 60 characters
        "The central bank acted on the morning after the budget",
        "speech, in keeping with the statement that U.S. Treasury",
        "secretary Dana Whitcombe and Norwegian finance minister",
        "Arne Vollan issued after their talks on Tuesday. The two",
        "said they would keep working together on currencies, the",
        "bank said in its quarterly review of the markets.",
    ]
    assert people("\n".join(lines)) == [("Dana Whitcombe", "U.S. Treasury secretary"),
                                         ("Arne Vollan", "finance minister")]


def test_a_clause_after_a_comma_is_no_title_of_the_name_before_it() -> None:
    text = ("Police stopped the motorcade of President Karl Brandauer on its way to La Paz,"
            " Bolivian Information Minister Marco Villalba said.")
    assert people(text) == [("Karl Brandauer", "President"),
                            ("Marco Villalba", "Bolivian Information Minister")]


def test_a_role_never_runs_over_another_persons_name() -> None:
    text = ("The mayor met Chief of Staff Nora Quill, Budget Director Tom Ashby and chief"
            " economic adviser Ivo Brandt.")
    assert people(text) == [("Nora Quill", "Chief of Staff"), ("Tom Ashby", "Budget Director"),
                            ("Ivo Brandt", "chief economic adviser")]


def test_a_portfolio_joined_by_and_is_part_of_the_title() -> None:
    text = "Business and Trade Secretary Tom Ashby and Industry and Trade Minister Mai Lan spoke."
    assert people(text) == [("Tom Ashby", "Business and Trade Secretary"),
                            ("Mai Lan", "Industry and Trade Minister")]


def test_each_of_a_list_of_titled_people_keeps_its_own_title() -> None:
    text = ("Chancellor of the Exchequer Nora Quill, Foreign Secretary Tom Ashby and Trade"
            " Minister Ivo Brandt met. Secretary of State Mai Lan and Defense Secretary"
            " Karl Brandauer spoke.")
    assert people(text) == [("Nora Quill", "Chancellor of the Exchequer"),
                            ("Tom Ashby", "Foreign Secretary"),
                            ("Ivo Brandt", "Trade Minister"),
                            ("Mai Lan", "Secretary of State"),
                            ("Karl Brandauer", "Defense Secretary")]


def test_a_word_that_opens_a_sentence_is_no_part_of_a_role() -> None:
    assert people("Indeed U.S. Treasury secretary Dana Whitcombe said so.") == [
        ("Dana Whitcombe", "U.S. Treasury secretary")]


def test_a_headline_is_no_name_and_a_portfolio_no_body() -> None:
    text = ("Quill To Meet With Exporters, Wheat Likely Topic\n\nSecretary of Agriculture Nora"
            " Quill will meet exporters today, an aide to Quill said. Transportation Secretary"
            " Tom Ashby agreed.")
    found = extract_people(text, extract_orgs(text))
    assert [(p.name, p.role, p.org) for p in found] == [
        ("Nora Quill", "Secretary of Agriculture", None),
        ("Tom Ashby", "Transportation Secretary", None)]


def test_a_title_after_its_bodys_whole_name_names_the_body() -> None:
    text = ("Harwick and Co Ltd oil analyst Nora Quill said so. Lakeside Bank Plc chairman Sir Tom"
            " Ashby agreed.")
    found = extract_people(text, extract_orgs(text))
    assert [(p.name, p.role, p.org) for p in found] == [
        ("Nora Quill", "Harwick and Co Ltd oil analyst", "Harwick and Co Ltd"),
        ("Tom Ashby", "Lakeside Bank Plc chairman", "Lakeside Bank Plc")]


def test_a_surname_that_is_also_a_title_follows_a_given_name() -> None:
    assert people("Catherine King said the road would open.") == [("Catherine King", None)]
    assert people("The Hon Catherine King MP, Minister for Infrastructure, said it would open.") == [
        ("Catherine King", "Minister for Infrastructure")]
    assert people("Saudi King Salman met President Joe Biden.") == [
        ("Salman", "Saudi King"), ("Joe Biden", "President")]


def test_an_apposition_keeps_the_fields_of_its_portfolio_after_a_comma() -> None:
    text = "Mr. MUTO Yoji, Minister of Economy, Trade and Industry, held a meeting."
    assert people(text) == [("MUTO Yoji", "Minister of Economy, Trade and Industry")]
    text = "Jane Roe, Minister of Trade, Kim Sun-hee and John Doe, Director of Ports, met."
    assert ("Jane Roe", "Minister of Trade") in people(text)  # names after it are no fields


def test_a_surname_that_is_also_a_pronoun_after_a_title() -> None:
    text = "Ministry spokesperson He Yadong said talks would go on. He said they were useful."
    assert people(text) == [("He Yadong", "Ministry spokesperson")]
    assert people("The ministers met. He Said nothing.") == []


def test_a_portfolio_then_a_name_is_a_titled_person_not_a_body() -> None:
    assert people("Minister of Industry and Trade Nguyen Hong Dien signed the memorandum.") == [
        ("Nguyen Hong Dien", "Minister of Industry and Trade")]
    assert people("Deputy USTR Jayme White said the talks would resume.") == [
        ("Jayme White", "Deputy USTR")]


def test_abbreviated_ranks_before_a_name_are_titles() -> None:
    assert people("Gen. Martin Keller arrived in Seoul on Monday.") == [("Martin Keller", "Gen.")]
    assert people("The adviser, Lt. Col. Jane Roe, said the plan held.") == [("Jane Roe", "Lt. Col.")]


def test_the_title_nearest_a_name_between_commas_is_its_role() -> None:
    text = (
        "The Secretary of Economy, Rosa Ibarra Soto, met with Canada's Minister of International "
        "Trade, Claire Dubreuil, to coordinate positions."
    )
    assert people(text) == [
        ("Rosa Ibarra Soto", "Secretary of Economy"),
        ("Claire Dubreuil", "Canada's Minister of International Trade"),
    ]


def test_a_firm_that_says_so_is_no_person() -> None:
    assert people("Seabird Ocean said Tuesday it won an order worth 2.9 trillion won.") == []
    assert people("John Carter said it will rain.") == [("John Carter", None)]
    assert people("Marine Dupont said on Monday that tariffs hurt farmers.") == [("Marine Dupont", None)]


def test_a_title_s_portfolio_runs_into_the_name_after_it() -> None:
    text = "Commissioner for Trade and Economic Security Dalibor Vrbič signed the agreement with Peru."
    assert people(text) == [("Dalibor Vrbič", "Commissioner for Trade and Economic Security")]
    assert extract_orgs(text) == []


def test_a_compound_title_before_a_name_between_commas_is_its_role() -> None:
    assert people("The Director-General of the Lisbon Trade Office, Marta Vieira, said on Monday.") == [
        ("Marta Vieira", "Director-General of the Lisbon Trade Office")]
    assert people("The Undersecretary of Foreign Economic Relations, Tomas Ferrer, opened the talks.") == [
        ("Tomas Ferrer", "Undersecretary of Foreign Economic Relations")]
    assert people("The Secretary General of the Andean Council, Rosa Quispe, said so.") == [
        ("Rosa Quispe", "Secretary General of the Andean Council")]


def test_a_members_style_gives_way_to_the_office_s_title() -> None:
    assert people("Minister for Trade and Resources Senator Tom Vogel said the talks went well.") == [
        ("Tom Vogel", "Minister for Trade and Resources")]
    assert people("Senator the Hon Tom Vogel, Minister for Resources, said so.") == [
        ("Tom Vogel", "Minister for Resources")]
    assert people("Senator Tom Vogel said so.") == [("Tom Vogel", "Senator")]


def test_a_portfolio_joined_to_a_title_is_no_party_to_a_deal() -> None:
    text = "Ambassador Li Wen and Danish Business and Trade Secretary Ole Berg signed the agreement."
    assert people(text) == [("Li Wen", "Ambassador"), ("Ole Berg", "Business and Trade Secretary")]
    assert [o.name for o in extract_orgs(text)] == []


def test_initials_open_a_name_and_a_one_word_field_follows_a_title_s_of() -> None:
    assert people("Minister of Steel Shri R.K. Varma said output would rise.") == [
        ("R.K. Varma", "Minister of Steel")]
    assert people("Victoria Mining N.L. said output would rise.") == []


def test_a_title_with_two_portfolios_runs_into_no_organisation() -> None:
    text = "Oman's Minister of State for Foreign Trade Talal Al Mansoori signed the deal in Muscat."
    assert people(text) == [("Talal Al Mansoori", "Oman's Minister of State for Foreign Trade")]
    assert [o.name for o in extract_orgs(text)] == []


def test_a_title_and_a_comma_before_a_name_that_ends_the_sentence() -> None:
    assert people("The accord was signed by Fiji's Minister for Trade, Manoa Kamikamica.") == [
        ("Manoa Kamikamica", "Fiji's Minister for Trade")]


def test_a_councillor_and_a_federal_title() -> None:
    assert people("The deal was signed in Bern with Swiss Federal Councillor Urs Brunner.") == [
        ("Urs Brunner", "Swiss Federal Councillor")]
    assert [o.name for o in extract_orgs("Swiss Federal Councillor Urs Brunner spoke.")] == []
