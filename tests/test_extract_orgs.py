import pytest

from pressdesk.extract.orgs import extract_orgs, org_key


def names(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(o.name, o.aliases) for o in extract_orgs(text)]


def test_ministry_with_complement_and_acronym() -> None:
    text = "The Ministry of Economy, Trade and Industry (METI) said on Friday."
    assert names(text) == [("Ministry of Economy, Trade and Industry", ("METI",))]


def test_acronym_used_alone_joins_its_definition() -> None:
    text = "The Thailand Board of Investment (BOI) approved it. BOI data showed growth."
    assert names(text) == [("Thailand Board of Investment", ("BOI",))]


def test_spelling_variants_share_a_key() -> None:
    assert org_key("Ministry of Finance, Planning, and Economy") == org_key(
        "the ministry of finance, planning and economy"
    )
    assert org_key("Acme Holdings Inc.") == org_key("Acme Holdings")


def test_committees_funds_and_agreements_are_not_orgs() -> None:
    text = "The Joint Trade Committee met under the Canada-Chile Free Trade Agreement."
    assert names(text) == []


def test_descriptor_and_list_cues() -> None:
    text = "Steelmaker Tata Steel and carmakers such as Renault and Peugeot expanded."
    found = [n for n, _ in names(text)]
    assert "Tata Steel" in found and "Renault" in found and "Peugeot" in found


def test_title_cue_names_the_employer() -> None:
    text = "Vodafone Chairman Jean-Pierre Dubois and Ana Silva, CEO of Petrobras, spoke."
    found = [n for n, _ in names(text)]
    assert found == ["Vodafone", "Petrobras"]


def test_well_known_international_bodies() -> None:
    text = "The IMF and the World Trade Organization (WTO) warned. The WTO added more."
    found = {n for n, _ in names(text)}
    assert found == {"IMF", "World Trade Organization"}


def test_portfolio_ministry_joins_the_full_name() -> None:
    text = "The Ministry of Labour and Employment said. Later, the labour ministry added more."
    assert names(text) == [("Ministry of Labour and Employment", ("labour ministry",))]


def test_coordinated_company_names() -> None:
    text = "Automakers such as Volvo expanded. Volvo and Scania are weighing new plants."
    assert {n for n, _ in names(text)} == {"Volvo", "Scania"}


def test_bare_acronym_joins_the_name_it_spells() -> None:
    text = "the Ohio-based Great Lakes Battery Works said. GLBW, a unit of Acme Group, agreed."
    found = names(text)
    assert ("Great Lakes Battery Works", ("GLBW",)) in found


def test_domain_words_before_a_country_name_an_agency() -> None:
    text = "Officials from Statistics Norway and Business Sweden met in Oslo."
    assert {n for n, _ in names(text)} == {"Statistics Norway", "Business Sweden"}


def test_according_to_names_a_source() -> None:
    text = "Exports fell, according to Destatis, the federal statistics office."
    assert [n for n, _ in names(text)] == ["Destatis"]


def test_short_name_in_parentheses_is_an_alias() -> None:
    text = "The New Zealand Trade and Enterprise agency (NZTE) and the Netherlands Enterprise Agency (Rvo)"
    found = dict(names(text))
    assert found["Netherlands Enterprise Agency"] == ("Rvo",)


def test_portfolio_words_join_a_name_across_and() -> None:
    text = "The Malaysian Investment and Development Authority approved the plan."
    assert [n for n, _ in names(text)] == ["Malaysian Investment and Development Authority"]


def test_wrapped_lines_are_joined() -> None:
    text = "filed with the Securities\nand Exchange Commission on Monday."
    assert [n for n, _ in names(text)] == ["Securities and Exchange Commission"]


def test_title_case_headline_gives_no_cues() -> None:
    text = "Firm Ups Stake In Rival Maker Acme\n\nThe company said nothing."
    assert names(text) == []


def test_lists_with_lower_case_brand_names() -> None:
    text = "Executives from Acme Motors, XY chemtech, Borealis and Nordic Paper attended."
    found = [n for n, _ in names(text)]
    assert found == ["Acme Motors", "XY chemtech", "Borealis", "Nordic Paper"]


def test_hyphenated_short_name_in_parentheses() -> None:
    text = "The Export Credit Insurance Corp. (E-credit) will offer discounts."
    assert names(text) == [("Export Credit Insurance Corp.", ("E-credit",))]


def test_what_a_company_has_names_it() -> None:
    text = "Volvo's Ghent plant will close. Shares of Nexans fell, and Sandvik shares rose 2 percent."
    assert [n for n, _ in names(text)] == ["Volvo", "Nexans", "Sandvik"]


def test_a_titled_person_with_a_possessive_is_not_a_company() -> None:
    text = "President Novak said it. Novak's chief executive pick was named."
    assert names(text) == []


def test_parties_to_a_deal() -> None:
    text = "Equinor and Orsted signed a memorandum on offshore wind."
    assert [n for n, _ in names(text)] == ["Equinor", "Orsted"]


def test_a_name_its_acronym_spells() -> None:
    text = "Officials of Nordic Hydro & Wind Power (NHWP) and its Chief Executive Officer (CEO) met."
    assert names(text) == [("Nordic Hydro & Wind Power", ("NHWP",))]


def test_funds_are_not_orgs_but_the_imf_is() -> None:
    text = "The Green Growth Fund (GGF) and the International Monetary Fund agreed."
    assert [n for n, _ in names(text)] == ["International Monetary Fund"]


def test_office_named_after_a_title() -> None:
    text = "The Office of the United States Trade Representative (USTR) and U.S. Customs said."
    assert names(text)[0] == ("Office of the United States Trade Representative", ("USTR",))


def test_titles_and_places_alone_are_not_orgs() -> None:
    assert names("Deputy U.S. Trade Representative Ann Lee met Korean officials.") == []


def test_a_short_form_joins_its_one_longer_name() -> None:
    text = "Nordic Sky Airlines ordered jets. Nordic Sky Chief Executive Ola Berg said so."
    assert names(text) == [("Nordic Sky Airlines", ("Nordic Sky",))]


def test_cues_do_not_reach_across_paragraphs() -> None:
    text = "Polish carrier\n\nWARSAW, May 2 - The airline said."
    assert names(text) == []


def test_capitalised_portfolio_ministry_joins_the_full_name() -> None:
    text = "The Ministry of Finance and Economy (MOFE) met. The Finance Ministry said more."
    ((name, aliases),) = names(text)
    assert (name, set(aliases)) == ("Ministry of Finance and Economy", {"MOFE", "Finance Ministry"})


def test_a_stock_index_named_after_a_paper_is_not_an_org() -> None:
    assert names("The Nikkei 225 rose, and the Nikkei index hit a record.") == []
    assert names("according to Japanese business daily Nikkei.") == [("Nikkei", ())]


def test_the_start_of_a_title_is_not_an_org() -> None:
    text = "Deputy China International Trade Representative Wu Lin met them."
    assert names(text) == []


def test_region_adjectives_are_not_orgs() -> None:
    assert names("European Trade Commissioner Ana Silva met Asian ministers.") == []


def test_counterparties_of_an_agreement() -> None:
    text = "KAI signed MOUs with Boeing, Lockheed Martin and Airbus, and a deal with Washington."
    assert [n for n, _ in names(text)] == ["Boeing", "Lockheed Martin", "Airbus"]


def test_directorate_and_directorate_general_are_heads() -> None:
    text = (
        "The Directorate General of Civil Aviation (DGCA) issued rules. "
        "The Directorate-General for Competition agreed."
    )
    assert names(text) == [
        ("Directorate General of Civil Aviation", ("DGCA",)),
        ("Directorate-General for Competition", ()),
    ]


def test_last_conjunct_joins_a_name_its_acronym_covers() -> None:
    text = "The Federation of Makers of Glass and Ceramic-Wares (FMGC) objected."
    assert names(text) == [("Federation of Makers of Glass and Ceramic-Wares", ("FMGC",))]
    text = "The Ministry of Health and Acme (XYZ) met."
    assert names(text) == [("Ministry of Health", ())]


def test_lower_case_head_after_a_name_and_its_full_form() -> None:
    text = "Orders fell, the Zeller institute said. The Zeller Institute for Trade Studies (ZITS) agreed."
    assert names(text) == [("Zeller Institute for Trade Studies", ("Zeller institute", "ZITS"))]
    assert names("The German agency and the European commission disagreed.") == []


def test_research_descriptors_name_a_firm() -> None:
    text = "According to industry tracker Quanta Metrics, demand grew. Market researcher Dataroo agreed."
    assert names(text) == [("Quanta Metrics", ()), ("Dataroo", ())]


def test_led_by_names_a_leader_that_is_no_person() -> None:
    text = "Shipments of tablets, led by Orvano, rose. A delegation led by Mr Brandt left."
    assert names(text) == [("Orvano", ())]
    text = "Talks resumed. Petra Lindgren chaired them; the panel was led by Lindgren."
    assert names(text) == []
    assert names("Sales, led by Acme Bolt and Kestrel, rose.") == [("Acme Bolt", ()), ("Kestrel", ())]


def test_acronym_with_lower_case_letters_or_built_from_an_acronym() -> None:
    text = "The Ministry of Planning and Investment (MoPI) and HM Land & Property (HMLP) met."
    assert names(text) == [
        ("Ministry of Planning and Investment", ("MoPI",)),
        ("HM Land & Property", ("HMLP",)),
    ]


def test_country_agency_takes_its_short_name() -> None:
    text = "Enterprise Norway (EnterpriseNO) raised its forecast."
    assert names(text) == [("Enterprise Norway", ("EnterpriseNO",))]


def test_speaker_shaped_like_a_firm() -> None:
    text = "“Demand is weak,” DataVista said. QX Mobility said it would invest. Minister SATO Ken said no."
    assert names(text) == [("DataVista", ()), ("QX Mobility", ())]
    assert names("McKinley said it was good. DeSantis said no. MacArthur said so.") == []


def test_bodies_named_by_their_kind_or_their_products() -> None:
    text = (
        "The Confederation of Nordic Industry said exports fell. Spain's CEOE business lobby agreed."
        " Airlines ordered more Vantor jets. The Landesbank and Zellerbank cut rates."
        " Shops sell Korean cars and Japanese chips."
    )
    assert names(text) == [
        ("Confederation of Nordic Industry", ()),
        ("CEOE", ()),
        ("Vantor", ()),
        ("Landesbank", ()),
        ("Zellerbank", ()),
    ]


def test_lower_case_brand_before_a_country_after_a_title() -> None:
    text = "Mina Park, Executive Director at veltrix Korea, spoke. A manager at leading Zeller Zinc agreed."
    assert names(text) == [("veltrix Korea", ()), ("Zeller Zinc", ())]


def test_what_only_a_firm_has_and_analysts_at_it() -> None:
    text = (
        "Vantor's revenue rose 5%. Analysts at Kestrel Partners said so. Europe's profit fell."
        " Jane Whitfield runs a shop; Whitfield's customers are loyal."
    )
    assert names(text) == [("Vantor", ()), ("Kestrel Partners", ())]


def test_oceans_are_not_bodies() -> None:
    assert names("Tankers crossed the Pacific Ocean and the Indian Ocean.") == []


def test_news_agencies_from_datelines_and_cues() -> None:
    assert names("Exports\n\nBERLIN, Oct 8 (Reuters) - German exports fell.") == [("Reuters", ())]
    assert names("Rates\n\nSEOUL, Dec. 29 (Yonhap) -- Rates rose, analysts polled by Yonhap said.") == [
        ("Yonhap", ())
    ]
    assert names("Sales rose 5 percent, according to a CNBC report on Tuesday.") == [("CNBC", ())]
    assert names("Jane Smith spoke first. Later she told Smith and the Yorkshire and Humber panel.") == []


def test_a_legislature_is_named_without_an_article() -> None:
    text = "Congress passed the bill. Parliament will vote on it."
    assert names(text) == [("Congress", ()), ("Parliament", ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares of Northern Lantern and Kettle Co. rose.", ["Northern Lantern and Kettle Co."]),
        ("He said Pardoe and Quill Corp would buy the plant.", ["Pardoe and Quill Corp"]),
        ("Pardoe & Quill Inc said sales rose.", ["Pardoe & Quill Inc"]),
        ("Hobart's Ratings Service Inc said it cut the debt.", ["Hobart's Ratings Service Inc"]),
        ("Analysts at First Lindenfield Corp. said prices fell.", ["First Lindenfield Corp."]),
        ("First Lindenfield Corp said prices fell.", ["First Lindenfield Corp"]),
        ("Lenders Manufacturers Quill Corp and Midvale Co met.", ["Manufacturers Quill Corp", "Midvale Co"]),
        ("Kettering, Quill and Co. and Bream & Co met.", ["Kettering, Quill and Co.", "Bream & Co"]),
    ],
)
def test_names_stay_whole(text: str, expected: list[str]) -> None:
    assert [n for n, _ in names(text)] == expected


def test_a_committee_is_never_cut_into_a_body() -> None:
    for house in ("House", "Senate"):
        text = f"The letter went to the chairman of the {house} Roads and Bridges Committee."
        assert all(n.endswith("Bridges Committee") for n, _ in names(text))


def test_two_bodies_joined_by_and_stay_two() -> None:
    found = [n for n, _ in names("Korvane said sales rose. Korvane and Jussila Motor Co. agreed.")]
    assert "Jussila Motor Co." in found and "Korvane and Jussila Motor Co." not in found
    found = [n for n, _ in names("Steelmaker Korvane and LG Motor Co. agreed.")]
    assert "Korvane and LG Motor Co." not in found
    assert [n for n, _ in names("Japan's Kettle Co. said.")] == ["Kettle Co."]


def test_a_bank_is_not_its_namesake_abroad() -> None:
    text = "Lantern Bank said it would lend. Lantern Bank of Ostrava agreed."
    assert all(not o.aliases for o in extract_orgs(text))


def test_a_one_word_name_joins_its_firm() -> None:
    text = "Shares of Quillmoor Materials rose. Analysts at Quillmoor said so."
    assert [(o.name, o.aliases) for o in extract_orgs(text)] == [("Quillmoor Materials", ("Quillmoor",))]


def test_a_british_company_suffix_written_plc_in_title_case() -> None:
    assert names("The Harwick Group Plc <HWK.L> said its shares would list.") == [
        ("Harwick Group Plc", ())]
    assert names("Shares of Barclays Plc and Acme PLC rose.") == [
        ("Barclays Plc", ()), ("Acme PLC", ())]


def test_an_acronym_between_commas_after_a_name_is_its_alias() -> None:
    assert names("The Lakeside Board of Trade, LBT, said so. LBT traders agreed.") == [
        ("Lakeside Board of Trade", ("LBT",))]
    assert names("The Ministry of Trade, Industry and Energy said.") == [
        ("Ministry of Trade, Industry and Energy", ())]


def test_a_models_code_is_no_organisation_and_a_listed_firm_ends_at_its_suffix() -> None:
    assert names("The carrier ordered ten A320 jets; the air force bought F-15E planes.") == []
    assert names("Underwriters are Harwick Lambert Inc, Bell Stearns and Co Inc and two others.") == [
        ("Harwick Lambert Inc", ()), ("Bell Stearns and Co Inc", ())]
    assert names("Kidder, Peabody and Co said so.") == [("Kidder, Peabody and Co", ())]


def test_where_a_body_is_is_no_part_of_its_name_but_an_embassys_is() -> None:
    assert names("The Bank of Korea in Seoul kept its rate.") == [("Bank of Korea", ())]
    assert names("Halvard Medical Center in Port Reyes will close.") == [("Halvard Medical Center", ())]
    assert names("The Embassy of the Republic of Korea in the Philippines said.") == [
        ("Embassy of the Republic of Korea in the Philippines", ())]
    assert names("The American Chamber of Commerce in Korea (AMCHAM) said.") == [
        ("American Chamber of Commerce in Korea", ("AMCHAM",))]
    assert names("Members spoke at the Council for Trade in Goods.") == [("Council for Trade in Goods", ())]


def test_an_acronym_after_or_is_the_names_alias() -> None:
    assert names("The Japan External Trade Organization, or JETRO, said.") == [
        ("Japan External Trade Organization", ("JETRO",))]
    assert names("Halvard Steel or LG Display will win.") == [("Halvard Steel", ()), ("LG Display", ())]


def test_a_word_in_brackets_inside_a_companys_name() -> None:
    assert names("Halvard Matheson (Holdings) Ltd and Quentaro Whampoa Ltd said.") == [
        ("Halvard Matheson (Holdings) Ltd", ()), ("Quentaro Whampoa Ltd", ())]


def test_a_sentence_that_ends_with_a_companys_suffix_ends_its_name() -> None:
    assert names("Shares of Quentaro International Inc. The New York Stock Exchange halted trading.") == [
        ("Quentaro International Inc.", ()), ("New York Stock Exchange", ())]


def test_a_body_s_name_ends_before_a_title_of_its_official() -> None:
    assert names("Ministry of Finance Director-General Lee Han-sol said.") == [("Ministry of Finance", ())]
    assert names("The Office of Trade and Industry Director Park Ji-won said.") == [
        ("Office of Trade and Industry", ())
    ]


def test_a_portfolio_before_minister_is_no_body() -> None:
    assert names("Regional Revitalization Minister Tomoko Sasaki spoke.") == []
    assert names("ACME Minister Tomoko Sasaki spoke.") == [("ACME", ())]


def test_an_acronym_after_and_takes_the_whole_name() -> None:
    assert names("figures from the National Institute of Statistics and Geography (INEG) show") == [
        ("National Institute of Statistics and Geography", ("INEG",))
    ]


def test_a_speaker_that_speaks_of_itself_as_it_is_a_body() -> None:
    assert names("Seabird Ocean said Tuesday it won an order for eight carriers.") == [("Seabird Ocean", ())]
    assert names("Seabird Ocean said its profit rose.") == [("Seabird Ocean", ())]
    assert names("John Carter said it will rain.") == []


def test_the_company_said_after_a_place_is_no_apposition() -> None:
    assert names("It will build a line at its campus in Gangwon Province, the company said.") == []
    assert names("Acme Widgets, a maker of chips, said sales rose.") == [("Acme Widgets", ())]


def test_national_trade_bodies_known_by_their_short_name() -> None:
    assert names("Austrade will lead a mission to Dubai. KOTRA said it would open an office.") == [
        ("Austrade", ()), ("KOTRA", ())
    ]


def test_an_acronym_made_of_the_first_letters_of_each_word_joins_its_name() -> None:
    assert names("MOFCOM said. Investment fell, according to the Ministry of Commerce.") == [
        ("Ministry of Commerce", ("MOFCOM",))
    ]
    apart = names("The Ministry of Commerce said. UNICEF said.")
    assert apart == [("Ministry of Commerce", ()), ("UNICEF", ())]


def test_who_speaks_of_itself_is_no_place_nor_people() -> None:
    text = "Analysts said its shares were cheap. The Brookfield Group in New Haven said it had a stake."
    assert names(text) == [("Brookfield Group", ())]
    assert names("It sold the plant to Ridge Aluminium Corp. Tasmet said its costs rose.") == [
        ("Ridge Aluminium Corp.", ()), ("Tasmet", ())
    ]


def test_a_portfolio_s_office_or_department_is_a_body() -> None:
    assert names("Exports rose, the Commerce Department said. The Foreign Office said so too.") == [
        ("Commerce Department", ()), ("Foreign Office", ())
    ]
    assert names("An Exchange Commission said.") == []


def test_an_acronym_in_lower_case_that_spells_the_name_is_its_alias() -> None:
    assert names("The Department of Trade, Industry and Competition (dtic) said. The dtic will fund it.") == [
        ("Department of Trade, Industry and Competition", ("dtic",))
    ]
    assert names("The Ministry of Finance (the) said.") == [("Ministry of Finance", ())]


def test_statistics_offices_and_central_banks_known_by_one_name() -> None:
    assert names("Eurostat said output rose. The People's Bank of China cut rates.") == [
        ("Eurostat", ()), ("People's Bank of China", ())
    ]


def test_a_defined_name_joined_by_another_language_s_particles() -> None:
    assert names("Figures from the Banco Central de Reserva (BCR) showed a surplus.") == [
        ("Banco Central de Reserva", ("BCR",))]
    assert names("The Bangko Sentral ng Pilipinas (BSP) kept its policy rate.") == [
        ("Bangko Sentral ng Pilipinas", ("BSP",))]


def test_an_ampersand_between_capitalised_words_joins_one_name() -> None:
    assert names("Hanul Shipbuilding & Marine Engineering said on Monday it won two orders.") == [
        ("Hanul Shipbuilding & Marine Engineering", ())]
    assert names("The Ministry of Oceans, Ports & Fisheries said so.") == [
        ("Ministry of Oceans, Ports & Fisheries", ())]


def test_a_defined_name_followed_by_a_programme_word_is_no_organisation() -> None:
    found = names("The Cabinet approved the Export Linked Subsidy (ELS) Scheme for textiles.")
    assert [name for name, _ in found if "Subsidy" in name or name == "ELS"] == []


def test_a_party_that_has_signed_an_amount_s_deal() -> None:
    found = names("Saudi Veltra has signed a $3 billion agreement with a Japanese utility on Monday.")
    assert [name for name, _ in found] == ["Saudi Veltra"]
