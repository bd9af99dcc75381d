"""Word lists of general knowledge that the entity extractors share.

Titles, organisation head words, descriptor nouns, name particles and common
name shapes. Nothing here is specific to any one release: these are the words
any reader of English government and business text knows.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


# Words that make a capitalised name an organisation when they are its head
# ("Korea Importers Association", "Ministry of Finance", "Coupang Inc.").
ORG_HEADS = words(
    """
    Ministry Department Agency Administration Office Bureau Authority Commission Council Board
    Service Institute Institution Foundation Association Federation Union Chamber Society Academy
    University College School Hospital Center Centre Organization Organisation Corporation Corp
    Corp. Company Co Co. Inc Inc. Ltd Ltd. LLC PLC Plc plc AG GmbH Group Holdings Bank Securities
    Capital Partners Investments Insurance Electronics Motor Motors Industries Chemical Chemicals
    Steel Solutions Solution Technologies Pharmaceutical Pharmaceuticals Airlines Airways
    Shipbuilding Telecom Communications Studio Studios Entertainment Logistics Exchange Navy Army
    Embassy Consulate Parliament Assembly Cabinet Secretariat Congress Aerospace
    Semiconductor Petroleum Oil Railways Railroad Networks Bancorp Energy Construction Engineering
    Electric Heavy Labs Laboratories Press Times Post Herald Journal Daily Robotics Biologics
    Pharma News Works Party Senate Zeitung Societe Société Banque Groupe Compagnie Gesellschaft
    Kaisha Sdn Bhd Tbk PT JSC Directorate Directorate-General Inspectorate Commissariat
    Confederation Consortium Cooperative Co-operative Observatory Laboratory
    SpA S.p.A. SA NV BV Pty Limited
    """
)

# Single-word heads that name a body on their own ("the Navy", "Congress").
LONE_HEADS = frozenset({"Navy", "Army", "Congress", "Parliament", "Cabinet"})

# Lone heads written without "the" too: legislatures ("Congress passed", "a report to Parliament").
BARE_HEADS = frozenset({"Congress", "Parliament"})

# Heads that are organisations only with a name before or after them.
WEAK_HEADS = frozenset(
    {
        "Energy",
        "Electric",
        "Oil",
        "Steel",
        "Heavy",
        "Daily",
        "Post",
        "Times",
        "Press",
        "News",
    }
)

# Words that make a name a committee, meeting, programme, fund, law or thing, not a body.
NON_ORG_WORDS = words(
    """
    Committee Subcommittee Meeting Meetings Agreement Agreements FTA Program Programme Strategy
    Summit Day Dialogue Regulation Regulations Directive Mechanism Act Plan Initiative Partnership
    Plant Hotel Order Merit Sheet Statement Report Agenda Address Index Building Award Awards
    Prize Forum Conference Fair Expo Week Zone Complex Cluster Project Scheme Framework Roadmap
    Law Bill Treaty Accord Protocol Convention Declaration Charter Round Session Ceremony Festival
    Exhibition Show Tower Hall Task Force Policy Vision Package Campaign Road Street Avenue
    Square Park Airport Port Station Bridge Highway Year Month Quarter Era Phase Summit Talks Fund
    Funds Interbank Rate Rates
    """
)

# Titles of office (the head word of a role): "Minister", "Director General", "CEO".
TITLES = words(
    """
    Minister President Chairman Chairwoman Chairperson Chair CEO COO CFO CTO CIO Director Governor
    Gov. Ambassador Secretary Commissioner Representative Senator Sen. Rep. Congressman
    Congresswoman Premier Chancellor Mayor Governor-General Director-General Secretary-General
    Professor Prof. Dr. Chief Head Spokesperson Spokesman Spokeswoman Advisor Adviser Founder
    Member Speaker King Queen Prince Princess Emperor Sheikh Officer Economist Analyst Envoy
    Counselor Counsellor Attorney Judge Justice Administrator Commander General Admiral Consul
    Deputy Vice Executive Manager Lawmaker Leader Superintendent Treasurer Vice-Chairman
    Vice-President Vice-Minister Undersecretary Under-Secretary Commissioner-General Investor Strategist
    Researcher Consultant Councillor Councilor
    """
)

# Titles that stand in front of a name (and may form a whole role on their own).
NAME_TITLES = words(
    """
    Minister President Chairman Chairwoman Chairperson Chair CEO COO CFO CTO Director Governor
    Gov. Ambassador Secretary Commissioner Representative Senator Sen. Rep. Congressman
    Congresswoman Premier Chancellor Mayor Professor Prof. Dr. Chief Spokesperson Spokesman
    Spokeswoman Advisor Adviser Founder Member Speaker King Queen Prince Princess Emperor Sheikh
    Envoy Judge Justice Administrator Commander Admiral Lawmaker Leader Treasurer Councillor Councilor
    """
)

# Words that qualify a title ("Deputy Minister", "Trade Minister", "Prime Minister").
TITLE_MODIFIERS = words(
    """
    Deputy Vice Prime First Second Senior Chief Executive Acting Interim Former Assistant Associate Under
    Coordinating
    Managing General Ranking Trade Finance Foreign Science Industry Energy Economy Defense Defence
    Labor Labour Health Education Agriculture Environment Commerce Culture Justice Interior
    Transport Unification Land Fisheries Oceans SMEs Startups Gender Veterans Employment Budget
    Treasury State Home Permanent Special Regional Executive Operating Financial Technology Oil
    Democratic Republican Conservative Liberal Labour Socialist Communist Opposition Petroleum
    Information Co-Chairman Honorary Supreme Lead Principal Board Standing Head Vice-Chairman Federal
    """
)

# Places below the level of a country (US states, major cities): never personal names.
GEO_WORDS = words(
    """
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Texas
    Utah Vermont Virginia Washington Wisconsin Wyoming Carolina Dakota Jersey York Hampshire
    Seoul Busan Incheon Tokyo Osaka Beijing Shanghai Shenzhen Hanoi Jakarta Manila Bangkok Delhi
    Mumbai London Paris Berlin Brussels Geneva Davos Frankfurt Madrid Rome Moscow Ottawa Toronto
    Sydney Canberra Melbourne Wellington Singapore Taipei Dubai Riyadh
    Cairo Nairobi Lagos Johannesburg Brasilia Mexico Bogota Chicago Houston Detroit
    Boston Atlanta Dallas Miami Seattle Denver Geneva Vienna Zurich Milan
    """
)

# Capitalised words that are never part of a personal name.
NOT_NAME_WORDS = words(
    """
    Government Party Senate House Parliament Council Requirement Prize Minority Majority Republic
    Kingdom State States Union Federal National International Global Budget Policy Bill Report
    Index Market Markets Stock Stocks Bond Bonds Tax Dlrs Dollar Dollars Yen Euro Pct Percent
    Credit Capital Securities Holdings Resigns Says Sees Plans Cuts Raises Sets Buys Sells
    Plc Spa Associates Partners Supply Systems Resorts Int'l Int'L Signs Adds Delegates Has
    Democrat Democrats Republican Republicans Division Unit
    """
)

# English words that follow a hyphen in compounds, never in names ("Ohio-based", "Prize-winning").
COMPOUND_TAILS = words(
    """
    based owned listed controlled backed led run made winning born registered funded focused linked
    related driven style class type level scale term wide sized oriented bound
    """
)

# Adjectives of regions, not countries: "European", "Asian" (neither places nor bodies alone).
REGION_WORDS = words(
    """
    European Asian African Arab Latin Nordic Scandinavian Baltic Balkan Caribbean Pacific Atlantic
    Western Eastern Northern Southern Central Gulf Middle Mideast Southeast Northeast Asia-Pacific
    """
)

# Continents and the words that divide them: "Europe", "Southeast Asia", "the Middle East".
CONTINENT_WORDS = words(
    """
    Europe Asia Africa America Americas Oceania Eurasia Antarctica Arctic North South East West
    Middle Latin Sub-Saharan
    """
)

# Honorifics and courtesy titles that are not part of a canonical name.
HONORIFICS = words(
    """
    Mr. Mr Ms. Ms Mrs. Mrs Dr. Dr Prof. Sir Dame Dato' Dato’ Datuk Dato Datin Tan Sri Tun Haji Hajji
    H.E. Hon. Honorable Honourable Excellency Shri Smt. Smt Shrimati Pak Bapak Ibu YB YAB YBhg
    Seri Utama
    """
) - {"Tan"}

# Lower-case particles inside personal names ("Mohd Zamruni bin Khalid", "Anna van der Berg").
NAME_PARTICLES = frozenset(
    {
        "bin",
        "binti",
        "bint",
        "van",
        "von",
        "der",
        "de",
        "da",
        "di",
        "del",
        "la",
        "le",
        "al",
        "el",
        "dos",
        "du",
    }
)

# Lower-case nouns that, written right before a capitalised name, say it is an organisation.
ORG_DESCRIPTORS = words(
    """
    company firm giant maker automaker carmaker chipmaker steelmaker shipbuilder builder producer
    manufacturer supplier lender bank insurer operator platform retailer startup conglomerate
    affiliate subsidiary rival bellwether developer provider carrier airline distributor exporter
    importer outlet daily newspaper broadcaster regulator watchdog brokerage retailer e-tailer
    group agency association institute university partner contractor miner refiner utility
    unit automakers carmakers firms companies banks lenders makers tracker consultancy pollster
    """
)

# Portfolio and domain nouns in the names of public bodies ("Trade and Investment Commission").
DOMAIN_WORDS = words(
    """
    Trade Investment Industry Industrial Commerce Finance Financial Economy Economic Energy Resources
    Science Technology Standards Development Innovation Research Planning Education Health Welfare
    Safety Security Infrastructure Transport Tourism Culture Sports Agriculture Food Fisheries
    Environment Labor Labour Employment Land Maritime Affairs Business Digital Climate Export Import
    Statistics Defense Defence Justice Interior Foreign Global Enterprise Competition Consumer
    Communications Information Customs Revenue Treasury Housing Water Mineral Mines Oceans Forestry
    Policy Strategy Cooperation Relations Services Drug Family Equality Gender SMEs Startups Staff
    Exchequer Transportation Homeland Goods
    Veterans Patriots Data Property Intellectual Youth Women Children Rural Urban National Space
    Nuclear Power Ports Shipping Aviation Quality Metrology Testing Certification Natural Gas Mining
    Telecommunications Media Broadcasting Arts Heritage Legal Commerce Exchange Securities Savings
    Loan Insurance Pensions Markets Monetary Fiscal Competitiveness Trade-Investment Promotion Trust
    Stock
    Action Protection Nature Conservation Digitalisation Digitalization Transformation Transition
    Enterprises Entrepreneurship Skills Training Reconstruction Recovery Integration Migration
    Sustainability Circular Planning Budget Tax Taxation Industries Manufacturing Logistics
    Negotiations Negotiation Multilateral Bilateral International Regional Overseas Geography
    Steel Coal Petroleum Oil Chemicals Fertilizers Textiles Railways Railway Commodities Petrochemicals
    Electronics Pharmaceuticals Construction Consumption Distribution Supply
    """
)

# Descriptors of two words whose second word alone may describe a person ("researcher").
ORG_DESCRIPTOR_PHRASES = ("market researcher", "market research firm", "think tank", "research house")

# Lower-case head words after a capitalised name: "the Ifo institute", "the Bruegel think tank".
LOWER_HEADS = words(
    """
    institute institution agency association federation foundation council commission bureau
    authority chamber university
    """
)

# Plural nouns that introduce a list of organisations ("companies such as X and Y").
ORG_LIST_NOUNS = words(
    """
    companies firms carmakers automakers makers manufacturers banks lenders insurers businesses
    enterprises groups suppliers producers shipbuilders chipmakers conglomerates startups
    corporations institutions agencies organizations organisations exporters importers retailers
    """
)

# Capitalised words that begin sentences or headings and are never part of a name.
SENTENCE_WORDS = words(
    """
    The A An In On At For By From To With Without Of As And But Or Nor So Yet If When While After
    Before During Since Until Under Over Through Between Among Despite Although Though Because
    Meanwhile However Also Moreover Furthermore Additionally Still Then Thus Hence Instead Today
    Yesterday Tomorrow This That These Those It Its He She They We I You His Her Their Our My
    According Separately Earlier Later Last Next Following Regarding Building Based Under Both
    Each Every All Some Many Most Several Other Another Such Any No Not Only Even Just Now Here
    There Where What Which Who Whom Whose Why How Once Overall Including Excluding Other Further
    Finally First Second Third Fourth Fifth Lastly Currently Recently Notably Specifically Since
    Indeed Nevertheless Nonetheless Otherwise Likewise Similarly Accordingly Consequently
    Given Amid Against Toward Towards Via Per Upon Within Beyond Around About Above Below
    Read Click Text Background Photo NOTES Note Source Sources Related Update Updated
    """
)

MONTHS = words(
    """
    January February March April May June July August September October November December Jan
    Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday
    """
)

# Common family names written first (Korean, Chinese, Vietnamese), for name-shape checks.
EAST_ASIAN_SURNAMES = words(
    """
    Kim Lee Yi Rhee Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Youn Jang Chang Lim Im
    Han Oh Seo Suh Shin Kwon Hwang Ahn An Song Yoo Yu Hong Jeon Jun Ko Go Moon Mun Yang Son Bae
    Baek Paik Heo Huh Nam Noh No Roh Ha Kwak Sung Seong Cha Joo Ju Woo Koo Ku Min Ryu Na Jin Ji
    Eom Um Chae Won Cheon Bang Gong Hyun Hahm Ham Byun Yeom Yeo Gil Pyo Do Tak Ma Ok Maeng Wang Li
    Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Song
    Tang Xu Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu
    Ding Ren Shen Yao Lu Xi Jia Fu Fan Qian Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui
    Duong Ly Ngo Dinh Trinh Truong Doan Lam Mai Luong To Ta Quach Thai
    """
)

# Given names common in the population (English and international), for name-shape checks:
# never a name here because one office-holder bears it (a titled or quoted person is found from
# the title or the speech verb, whatever the given name).
GIVEN_NAMES = words(
    """
    Aaron Adam Adrian Ahmed Akio Alan Albert Alberto Alex Alexander Alexandra Alice Alicia Alison
    Amanda Amy Ana Andrea Andrew Angela Anna Anne Anthony Antonio Anwar Ashley Barbara Ben Benjamin
    Bernard Bill Bob Brad Brian Bruce Carl Carlos Carol Caroline Catherine Charles Charlie Chris
    Christian Christina Christine Christopher Claire Claudia Colin Craig Dan Daniel David Deborah
    Dennis Diana Donald Douglas Edward Elizabeth Emily Emma Emmanuel Eric Erik Eva Frank François
    Gary George Gina Greg Gregory Hannah Harold Heather Helen Henry Hiroshi Howard Ian Jack Jacob
    James Jane Janet Jason Javier Jean Jeff Jeffrey Jennifer Jeremy Jessica Jim Joe John Jonathan
    Jose José Joseph Joshua Juan Julia Julie Justin Karen Katherine Kathy Keith Ken Kenji Kevin Koji
    Laura Lawrence Leo Linda Lisa Louis Lucy Luis Mahmoud Marco Margaret Maria Mario Mark Martin
    Mary Matthew Michael Michelle Mike Mohamed Mohammed Mohammad Mohd Muhammad Nancy Naoki Nicholas
    Nicolas Olaf Olivia Pascal Patricia Patrick Paul Peter Philip Pierre Rachel Raymond Rebecca
    Richard Robert Roberto Ronald Rose Ryan Sam Samuel Sandra Sarah Scott Sean Sergei Simon Stephen
    Steve Steven Susan Takeshi Taro Thomas Tim Timothy Todd Tom Tony Victor Vladimir Walter William
    Xavier Yuki Yusuf Jake Lloyd Jerome Mitch Chuck Pedro Luiz Ferdinand Joko Abdul Abdullah Adel
    Ahmad Ali Amir Anil Arjun Ashok Ayman Bandar Faisal Hamad Hassan Hussein Ibrahim Karim Khalid
    Mahmud Majid Mustafa Nasser Omar Rashid Saad Salman Sami Tariq Walid Yasir Yousef Amit Anand
    Deepak Gautam Manoj Nirmala Piyush Rahul Rajesh Rajiv Ravi Sanjay Shashi Sunil Suresh Vijay
    Vikram Vivek Agus Bambang Budi Dewi Eko Hadi Retno Susilo Teguh Wahyu Akira Daisuke Haruki
    Hideki Hiroki Kazuo Kenichi Masahiro Masato Minoru Naoto Ryo Satoshi Shinji Takashi Tetsuya
    Toshiro Yasuhiro Yoko Yoshiko Yukio Alejandro Andres Diego Eduardo Enrique Fernando Francisco
    Gabriel Gustavo Jorge Julio Lucas Marcelo Mateo Miguel Pablo Rafael Ricardo Rodrigo Sergio Alain
    Antoine Bruno Christophe Didier Emmanuelle Francois Jacques Laurent Olivier Philippe Sebastien
    Thierry Andreas Dieter Friedrich Hans Heinz Helmut Jens Jurgen Klaus Lars Matthias Stefan
    Wolfgang Alessandro Giorgio Giuseppe Luca Matteo Paolo Alexei Dmitry Igor Ivan Mikhail Nikolai
    Oleg Sergey Viktor Yuri Anders Jonas Magnus Nils Sven Agnieszka Jerzy Krzysztof Marek Piotr
    Tomasz Betty Kimberly Donna Melissa Stephanie Sharon Cynthia Kathleen Shirley Brenda Pamela
    Nicole Samantha Debra Carolyn Diane Joyce Victoria Kelly Lauren Joan Evelyn Judith Megan Cheryl
    Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Madison Doris Abigail Judy Grace
    Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie Brittany Natalie Isabella Charlotte
    Alexis Kayla Larry Brandon Jerry Tyler Nathan Zachary Kyle Ethan Roger Noah Gerald Terry Austin
    Arthur Jesse Dylan Bryan Billy Willie Logan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah
    Bobby Johnny Jamie Katie Liz Kate Matt Nick Rob Ted Jon Don Doug Ron Rick Ray Phil Pete Andy
    Dave
    """
)

# Org-word that, right before "of"/"for", takes a complement ("Ministry of ...").
COMPLEMENT_HEADS = words(
    """
    Ministry Department Agency Administration Office Bureau Authority Commission Council Board
    Institute Foundation Association Federation Union Chamber Society Academy University College
    School Center Centre Organization Organisation Bank Embassy Consulate Service Corporation
    Secretariat Directorate Directorate-General Inspectorate Confederation Observatory
    """
)

# Well-known public bodies, international and national, known by name or acronym alone:
# acronym -> full name. No companies: a firm or a news agency is found from its head word, its
# acronym's definition or a cue around it ("told Reuters", "(Yonhap) --").
KNOWN_ORGS: dict[str, str] = {
    "WTO": "World Trade Organization",
    "OECD": "Organisation for Economic Co-operation and Development",
    "IMF": "International Monetary Fund",
    "UN": "United Nations",
    "WHO": "World Health Organization",
    "ILO": "International Labour Organization",
    "IAEA": "International Atomic Energy Agency",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "NATO": "North Atlantic Treaty Organization",
    "ADB": "Asian Development Bank",
    "AIIB": "Asian Infrastructure Investment Bank",
    "EBRD": "European Bank for Reconstruction and Development",
    "WIPO": "World Intellectual Property Organization",
    "UNCTAD": "United Nations Conference on Trade and Development",
    "FAO": "Food and Agriculture Organization",
    "UNESCO": "United Nations Educational, Scientific and Cultural Organization",
    "UNICEF": "United Nations Children's Fund",
    "UNDP": "United Nations Development Programme",
    "WEF": "World Economic Forum",
    "ECB": "European Central Bank",
    "USTR": "Office of the U.S. Trade Representative",
    "USITC": "U.S. International Trade Commission",
    "USDA": "U.S. Department of Agriculture",
    "APEC": "Asia-Pacific Economic Cooperation",
}
KNOWN_NAMES = frozenset(
    {
        "World Bank",
        "European Commission",
        "European Parliament",
        "European Central Bank",
        "Congress",
        "White House",
        "Federal Reserve",
        "United Nations",
        # national trade bodies often named by their short name alone (general knowledge)
        "JETRO", "KOTRA", "MOFCOM", "METI", "MOTIE", "MOTIR", "MSIT", "NDRC", "GACC", "SAMR", "DGTR",
        "DPIIT", "DGFT", "DFAT", "Austrade", "HMRC", "CBSA", "CITT", "BKPM", "OFAC", "KITA", "KDI",
        # statistics offices and central banks named by one word or a possessive
        "Eurostat", "Destatis", "Istat", "INSEE", "Rosstat", "Bundesbank", "Banxico",
        "People's Bank of China",
    }
)
