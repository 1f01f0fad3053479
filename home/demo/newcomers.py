"""The newcomer path's demo text in Arabic, Ukrainian, Persian and Tigrinya.

Plain language: short sentences, one idea each, the words a newcomer meets at the organisation ("buddy" kept
beside the local word). The facts are those of the other demo pages (the FAQ, the privacy page). A native
speaker reviews these texts in the admin with the translator role before a real launch (README, "Newcomer
languages").

`HOME_PAGE_IN_NEWCOMER_LANGUAGES` adds the four languages to the home page's existing strings; the two new
pages are written in all seven languages here.
"""

from dataclasses import replace

from home.demo.content import HOME_PAGE
from home.demo.text import R, Ref, T

# The home page's strings by their English text: (ar, uk, fa, ti).
_HOME = {
    "Welcome": ("أهلاً بك", "Ласкаво просимо", "خوش آمدید", "እንቋዕ ብደሓን መጻእኩም"),
    "welcome": ("ahlan", "laskavo-prosymo", "khosh-amadid", "enkuae-bdehan"),
    "Volunteers and refugees team up as buddies. Read how buddy programmes work and find one near you.": (
        "يلتقي متطوعون ولاجئون ويصبحون رفاقاً (buddy). اقرأ كيف تعمل برامج الرفقة وابحث عن برنامج قريب منك.",
        "Волонтери й біженці стають парами бадді. Дізнайтеся, як працюють програми бадді, і знайдіть програму "
        "поруч із вами.",
        "داوطلبان و پناهندگان با هم همراه (بادی) می‌شوند. بخوانید برنامه‌های همراهی چطور کار می‌کنند و برنامه‌ای "
        "نزدیک خودتان پیدا کنید.",
        "ወለንተኛታትን ስደተኛታትን ብሓባር ብዲ (buddy) ይኾኑ። ፕሮግራማት ብዲ ከመይ ከም ዝሰርሑ ኣንብቡ፡ ኣብ ጥቓኹም ዘሎ ፕሮግራም ድማ ድለዩ።",
    ),
    "Two drawn figures, one blue and one orange, stand side by side and overlap.": (
        "شخصان مرسومان، أحدهما أزرق والآخر برتقالي، يقفان جنباً إلى جنب ويتداخلان.",
        "Дві намальовані фігури, синя й помаранчева, стоять поруч і трохи заходять одна на одну.",
        "دو آدمک نقاشی‌شده، یکی آبی و یکی نارنجی، کنار هم ایستاده‌اند و کمی روی هم افتاده‌اند.",
        "ክልተ ዝተሳእሉ ሰባት፡ ሓደ ሰማያዊ ሓደ ድማ ብርቱኳናዊ፡ ጐኒ ንጐኒ ደው ኢሎም ኣለዉ።",
    ),
    "Together, you find your way sooner": (
        "معاً تجد طريقك أسرع",
        "Разом легше знайти свій шлях",
        "با هم، راهتان را زودتر پیدا می‌کنید",
        "ብሓባር መገድኹም ቀልጢፍኩም ትረኽቡ",
    ),
    "All over Belgium and Luxembourg, volunteers and newcomers meet up regularly. Together they practise a "
    "language, look for a home or a job and get to know each other's world. Join them and help make your "
    "neighbourhood a welcoming home.": (
        "في كل أنحاء بلجيكا ولوكسمبورغ يلتقي متطوعون وقادمون جدد بانتظام. يتدربون معاً على لغة، ويبحثون معاً عن "
        "سكن أو عمل، ويتعرف كل واحد منهم على عالم الآخر. انضم إليهم، واجعل حيّك بيتاً دافئاً.",
        "По всій Бельгії та Люксембургу волонтери й новоприбулі регулярно зустрічаються. Разом вони практикують "
        "мову, шукають житло чи роботу й пізнають світ одне одного. Приєднуйтеся і ви: нехай ваш район стане "
        "теплим домом.",
        "در سراسر بلژیک و لوکزامبورگ، داوطلبان و تازه‌واردان مرتب با هم دیدار می‌کنند. با هم زبان تمرین می‌کنند، "
        "دنبال خانه یا کار می‌گردند و با دنیای یکدیگر آشنا می‌شوند. شما هم بپیوندید و محله‌تان را به خانه‌ای گرم "
        "تبدیل کنید.",
        "ኣብ መላእ ቤልጁምን ሉክሰምበርግን ወለንተኛታትን ሓደስቲ መጻእትን ብስሩዕ ይራኸቡ። ብሓባር ቋንቋ ይለማመዱ፡ ገዛ ወይ "
        "ስራሕ ይደልዩ፡ ንሓድሕዶም ድማ ይፋለጡ። ንስኹም እውን ተጸንበሩ፡ ከባቢኹም ድማ ምቹእ ገዛ ግበርዎ።",
    ),
    "Find a programme": ("ابحث عن برنامج", "Знайти програму", "برنامه پیدا کنید", "ፕሮግራም ድለዩ"),
    "Become a buddy": ("كن رفيقاً متطوعاً", "Стати бадді", "همراه (بادی) شوید", "ብዲ ኹኑ"),
    "What does a buddy do?": (
        "ماذا يفعل الرفيق (buddy)؟",
        "Що робить бадді?",
        "یک همراه (بادی) چه می‌کند؟",
        "ብዲ እንታይ ይገብር?",
    ),
    "<p>A buddy is a volunteer who spends time, over a set period, with someone who has only recently come to live "
    "in this country. Together you choose what to do: a walk through town, going through a letter from the "
    "council, or simply a chat over a cup of coffee.</p><p>The newcomer builds a network, and the volunteer sees "
    "their own neighbourhood through new eyes.</p>": (
        "<p>الرفيق (buddy) متطوع يقضي وقتاً، لفترة محددة، مع شخص جاء حديثاً ليعيش في هذا البلد. تختاران معاً ما "
        "تفعلانه: نزهة في المدينة، أو قراءة رسالة من البلدية، أو مجرد حديث مع فنجان قهوة.</p>"
        "<p>هكذا يتعرّف القادم الجديد على أناس جدد، ويرى المتطوع حيّه بعيون جديدة.</p>",
        "<p>Бадді — це волонтер, який певний час проводить із людиною, що нещодавно приїхала жити в цю країну. "
        "Ви разом вирішуєте, що робити: прогулятися містом, розібрати лист від громади або просто поговорити за "
        "кавою.</p><p>Так новоприбулий знаходить нових знайомих, а волонтер бачить свій район по-новому.</p>",
        "<p>همراه (بادی) داوطلبی است که برای مدتی مشخص با کسی وقت می‌گذراند که تازه به این کشور آمده است. با هم "
        "انتخاب می‌کنید چه کنید: قدم زدن در شهر، خواندن نامه‌ای از شهرداری یا فقط گپ زدن با یک فنجان قهوه.</p>"
        "<p>این‌طور تازه‌وارد آدم‌های تازه‌ای می‌شناسد و داوطلب محله‌اش را با چشم تازه‌ای می‌بیند.</p>",
        "<p>ብዲ ንእተወሰነ ግዜ ምስ ሓደ ቅድሚ ቁሩብ ግዜ ናብዚ ሃገር ዝመጸ ሰብ ግዜ ዘሕልፍ ወለንተኛ እዩ። ብሓባር እትገብርዎ "
        "ትመርጹ፡ ኣብ ከተማ ምዝዋር፡ ካብ ምምሕዳር ዝመጸ ደብዳበ ምንባብ፡ ወይ ብቡን ምዕላል ጥራይ።</p>"
        "<p>ብኸምዚ ሓድሽ መጻኢ ሓደስቲ ሰባት ይፋለጥ፡ ወለንተኛ ድማ ከባቢኡ ብሓድሽ ዓይኒ ይርኢ።</p>",
    ),
    "Why is UNHCR putting buddy programmes in the spotlight?": (
        "لماذا تسلّط المفوضية السامية للأمم المتحدة لشؤون اللاجئين الضوء على برامج الرفقة؟",
        "Чому УВКБ ООН привертає увагу до програм бадді?",
        "چرا کمیساریای عالی سازمان ملل متحد در امور پناهندگان برنامه‌های همراهی را برجسته می‌کند؟",
        "UNHCR ስለምንታይ ንፕሮግራማት ብዲ ኣቓልቦ ይህብ?",
    ),
    "Read about the campaign": (
        "اقرأ عن الحملة",
        "Про кампанію",
        "دربارهٔ این کارزار بخوانید",
        "ብዛዕባ እቲ ዘመቻ ኣንብቡ",
    ),
    "New here? Read what a buddy is and how a buddy helps you.": (
        "أنت جديد هنا؟ اقرأ من هو الرفيق (buddy) وكيف يساعدك.",
        "Ви тут недавно? Прочитайте, хто такий бадді і як він вам допомагає.",
        "تازه آمده‌اید؟ بخوانید همراه (بادی) کیست و چطور به شما کمک می‌کند.",
        "ሓድሽ ዲኹም? ብዲ መን ምዃኑን ከመይ ከም ዝሕግዘኩምን ኣንብቡ።",
    ),
    "What is a buddy?": ("من هو الرفيق؟", "Хто такий бадді?", "همراه (بادی) کیست؟", "ብዲ መን እዩ?"),
}

LANGUAGE_ORDER = ("ar", "uk", "fa", "ti")


def _with_newcomer_languages(value):
    """`value` with each string's Arabic, Ukrainian, Persian and Tigrinya added from `_HOME` (by its English)."""
    if isinstance(value, T):
        found = _HOME.get(value.en)
        return replace(value, **dict(zip(LANGUAGE_ORDER, found, strict=True))) if found else value
    if isinstance(value, dict):
        return {key: _with_newcomer_languages(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_newcomer_languages(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_with_newcomer_languages(item) for item in value)
    return value


HOME_PAGE_IN_NEWCOMER_LANGUAGES = _with_newcomer_languages(HOME_PAGE)

NEWCOMER_PAGE = {
    "title": T(
        "Wat is een buddy en hoe helpt die mij?",
        "Qu'est-ce qu'un buddy et comment m'aide-t-il ?",
        "What is a buddy and how does it help me?",
        ar="من هو الرفيق (buddy) وكيف يساعدني؟",
        uk="Хто такий бадді і як він мені допоможе?",
        fa="همراه (بادی) کیست و چطور به من کمک می‌کند؟",
        ti="ብዲ መን እዩ፡ ከመይከ ይሕግዘኒ?",
    ),
    "slug": T(
        "wat-is-een-buddy",
        "qu-est-ce-qu-un-buddy",
        "what-is-a-buddy",
        ar="man-huwa-al-rafiq",
        uk="khto-takyi-baddi",
        fa="hamrah-kist",
        ti="buddy-men-iyu",
    ),
    "search_description": T(
        "Een buddy is een vrijwilliger die tijd met je doorbrengt. Lees in eenvoudige woorden hoe dat gaat.",
        "Un buddy est un bénévole qui passe du temps avec vous. Découvrez en mots simples comment cela se passe.",
        "A buddy is a volunteer who spends time with you. Read in simple words how it works.",
        ar="الرفيق (buddy) متطوع يقضي وقتاً معك. اقرأ بكلمات بسيطة كيف يتم ذلك.",
        uk="Бадді — це волонтер, який проводить час разом із вами. Прочитайте простими словами, як це працює.",
        fa="همراه (بادی) داوطلبی است که با شما وقت می‌گذراند. با کلمات ساده بخوانید این کار چطور است.",
        ti="ብዲ ምሳኹም ግዜ ዘሕልፍ ወለንተኛ እዩ። እዚ ከመይ ከም ዝኸይድ ብቐሊል ቃላት ኣንብቡ።",
    ),
    "introduction": T(
        "Je woont nog maar pas in België of Luxemburg. Een buddy kan je helpen je weg te vinden.",
        "Vous vivez depuis peu en Belgique ou au Luxembourg. Un buddy peut vous aider à trouver votre chemin.",
        "You have only recently come to live in Belgium or Luxembourg. A buddy can help you find your way.",
        ar="جئت حديثاً لتعيش في بلجيكا أو لوكسمبورغ. يمكن أن يساعدك رفيق (buddy) على أن تجد طريقك.",
        uk="Ви недавно живете в Бельгії чи Люксембурзі. Бадді може допомогти вам знайти свій шлях.",
        fa="شما تازه به بلژیک یا لوکزامبورگ آمده‌اید. یک همراه (بادی) می‌تواند کمکتان کند راهتان را پیدا کنید.",
        ti="ቅድሚ ቁሩብ ግዜ ኢኹም ናብ ቤልጁም ወይ ሉክሰምበርግ መጺእኩም። ብዲ መገድኹም ንኽትረኽቡ ክሕግዘኩም ይኽእል።",
    ),
    "body": [
        (
            "heading",
            T(
                "Een buddy is een vrijwilliger",
                "Un buddy est un bénévole",
                "A buddy is a volunteer",
                ar="الرفيق متطوع",
                uk="Бадді — це волонтер",
                fa="همراه یک داوطلب است",
                ti="ብዲ ወለንተኛ እዩ",
            ),
        ),
        (
            "paragraph",
            R(
                "<p>Een buddy woont al langer in België of Luxemburg. Een buddy krijgt geen geld: hij of zij doet "
                "het graag.</p><p>Een organisatie in je buurt brengt jullie samen. Daarna zien jullie elkaar "
                "geregeld, vaak een paar uur per week of om de twee weken, een paar maanden tot een jaar lang.</p>",
                "<p>Un buddy vit depuis plus longtemps en Belgique ou au Luxembourg. Un buddy n'est pas payé : il "
                "ou elle le fait avec plaisir.</p><p>Une organisation près de chez vous vous met en contact. "
                "Ensuite, vous vous voyez régulièrement, souvent quelques heures par semaine ou toutes les deux "
                "semaines, pendant quelques mois à un an.</p>",
                "<p>A buddy has lived in Belgium or Luxembourg for some time. A buddy is not paid: they do it "
                "because they want to.</p><p>An organisation near you brings you together. Then you meet "
                "regularly, often a few hours a week or every two weeks, for a few months up to a year.</p>",
                ar="<p>يعيش الرفيق في بلجيكا أو لوكسمبورغ منذ وقت أطول. لا يأخذ الرفيق مالاً: هو يفعل ذلك لأنه "
                "يحب ذلك.</p><p>تجمعكما منظمة قريبة منك. بعد ذلك تلتقيان بانتظام، غالباً بضع ساعات في الأسبوع أو "
                "مرة كل أسبوعين، لمدة بضعة أشهر حتى سنة.</p>",
                uk="<p>Бадді живе в Бельгії чи Люксембурзі вже довше. Бадді не отримує грошей: він або вона "
                "робить це з власного бажання.</p><p>Організація поруч із вами знайомить вас. Потім ви регулярно "
                "зустрічаєтеся, часто на кілька годин щотижня або раз на два тижні, від кількох місяців до "
                "року.</p>",
                fa="<p>همراه مدت بیشتری است که در بلژیک یا لوکزامبورگ زندگی می‌کند. همراه پولی نمی‌گیرد: این کار "
                "را با میل خودش انجام می‌دهد.</p><p>یک سازمان در نزدیکی شما، شما دو نفر را با هم آشنا می‌کند. بعد "
                "مرتب همدیگر را می‌بینید، اغلب چند ساعت در هفته یا هر دو هفته یک بار، از چند ماه تا یک سال.</p>",
                ti="<p>ብዲ ንነዊሕ ግዜ ኣብ ቤልጁም ወይ ሉክሰምበርግ ዝነበረ እዩ። ብዲ ገንዘብ ኣይወስድን፡ ብፍታዉ እዩ ዝገብሮ።</p>"
                "<p>ኣብ ጥቓኹም ዘሎ ትካል የራኽበኩም። ድሕሪኡ ብስሩዕ ትራኸቡ፡ መብዛሕትኡ ግዜ ኣብ ሰሙን ቁሩብ ሰዓታት ወይ "
                "ኣብ ክልተ ሰሙን ሓደ ግዜ፡ ካብ ቁሩብ ኣዋርሕ ክሳብ ሓደ ዓመት።</p>",
            ),
        ),
        (
            "heading",
            T(
                "Hoe helpt een buddy je?",
                "Comment un buddy vous aide-t-il ?",
                "How does a buddy help you?",
                ar="كيف يساعدك الرفيق؟",
                uk="Як бадді вам допомагає?",
                fa="همراه چطور به شما کمک می‌کند؟",
                ti="ብዲ ከመይ ይሕግዘኩም?",
            ),
        ),
        (
            "paragraph",
            R(
                "<p>Jullie kiezen samen wat jullie doen. Bijvoorbeeld:</p><ul><li>samen Nederlands of Frans "
                "oefenen;</li><li>een brief van de gemeente samen lezen;</li><li>samen zoeken naar een woning, een "
                "school of werk;</li><li>wandelen, praten en de stad leren kennen.</li></ul><p>Een buddy vervangt "
                "je maatschappelijk werker niet. Een buddy komt erbij.</p>",
                "<p>Vous choisissez ensemble ce que vous faites. Par exemple :</p><ul><li>pratiquer ensemble le "
                "français ou le néerlandais ;</li><li>lire ensemble un courrier de la commune ;</li><li>chercher "
                "ensemble un logement, une école ou un emploi ;</li><li>se promener, parler et découvrir la "
                "ville.</li></ul><p>Un buddy ne remplace pas votre assistant social. Un buddy vient en plus.</p>",
                "<p>You choose together what you do. For example:</p><ul><li>practise Dutch or French "
                "together;</li><li>read a letter from the council together;</li><li>look for a home, a school or "
                "work together;</li><li>go for a walk, talk and get to know the town.</li></ul><p>A buddy does "
                "not replace your social worker. A buddy comes on top.</p>",
                ar="<p>تختاران معاً ما تفعلانه. مثلاً:</p><ul><li>التدرب معاً على الهولندية أو الفرنسية؛</li>"
                "<li>قراءة رسالة من البلدية معاً؛</li><li>البحث معاً عن سكن أو مدرسة أو عمل؛</li><li>التنزه "
                "والحديث والتعرف على المدينة.</li></ul><p>الرفيق لا يحل محل المساعد الاجتماعي. الرفيق مساعدة "
                "إضافية.</p>",
                uk="<p>Ви разом вирішуєте, що робити. Наприклад:</p><ul><li>разом практикувати нідерландську чи "
                "французьку;</li><li>разом прочитати лист від громади;</li><li>разом шукати житло, школу чи "
                "роботу;</li><li>гуляти, розмовляти й пізнавати місто.</li></ul><p>Бадді не замінює вашого "
                "соціального працівника. Бадді — це додаткова підтримка.</p>",
                fa="<p>با هم انتخاب می‌کنید چه کنید. برای نمونه:</p><ul><li>با هم هلندی یا فرانسوی تمرین "
                "کنید؛</li><li>با هم نامه‌ای از شهرداری را بخوانید؛</li><li>با هم دنبال خانه، مدرسه یا کار "
                "بگردید؛</li><li>قدم بزنید، حرف بزنید و شهر را بشناسید.</li></ul><p>همراه جای مددکار اجتماعی شما "
                "را نمی‌گیرد. همراه یک کمک اضافه است.</p>",
                ti="<p>እትገብርዎ ብሓባር ትመርጹ። ንኣብነት፡</p><ul><li>ብሓባር ሆላንድኛ ወይ ፈረንሳይኛ ምልምማድ፤</li>"
                "<li>ካብ ምምሕዳር ዝመጸ ደብዳበ ብሓባር ምንባብ፤</li><li>ብሓባር ገዛ፡ ቤት ትምህርቲ ወይ ስራሕ ምድላይ፤</li>"
                "<li>ምዝዋር፡ ምዕላልን ንከተማ ምፍላጥን።</li></ul><p>ብዲ ንሰራሕተኛ ማሕበራዊ ጉዳይኩም ኣይትክኦን። ብዲ ተወሳኺ "
                "ሓገዝ እዩ።</p>",
            ),
        ),
        (
            "call_to_action",
            {
                "description": T(
                    "Zoek een programma in je buurt. Vul je postcode in.",
                    "Cherchez un programme près de chez vous. Indiquez votre code postal.",
                    "Look for a programme near you. Enter your postcode.",
                    ar="ابحث عن برنامج قريب منك. اكتب الرمز البريدي.",
                    uk="Знайдіть програму поруч із вами. Введіть свій поштовий індекс.",
                    fa="برنامه‌ای نزدیک خودتان پیدا کنید. کد پستی‌تان را بنویسید.",
                    ti="ኣብ ጥቓኹም ዘሎ ፕሮግራም ድለዩ። ፖስታ ኮድኩም ጸሓፉ።",
                ),
                "text": T(
                    "Vind een buddy",
                    "Trouver un buddy",
                    "Find a buddy",
                    ar="ابحث عن رفيق",
                    uk="Знайти бадді",
                    fa="همراه پیدا کنید",
                    ti="ብዲ ድለዩ",
                ),
                "page": Ref("programmes"),
                "url": "",
            },
        ),
        (
            "call_to_action",
            {
                "description": T(
                    "Nog vragen?",
                    "Encore des questions ?",
                    "Any questions?",
                    ar="عندك أسئلة؟",
                    uk="Маєте запитання?",
                    fa="سؤالی دارید؟",
                    ti="ሕቶ ኣሎኩም ድዩ?",
                ),
                "text": T(
                    "Vragen van nieuwkomers",
                    "Questions des nouveaux arrivants",
                    "Newcomers' questions",
                    ar="أسئلة القادمين الجدد",
                    uk="Запитання новоприбулих",
                    fa="پرسش‌های تازه‌واردان",
                    ti="ሕቶታት ሓደስቲ መጻእቲ",
                ),
                "page": Ref("newcomer_faq"),
                "url": "",
            },
        ),
    ],
}


def _qa(question, answer):
    return [("heading", question), ("paragraph", answer)]


NEWCOMER_FAQ_PAGE = {
    "title": T(
        "Vragen van nieuwkomers",
        "Questions des nouveaux arrivants",
        "Newcomers' questions",
        ar="أسئلة القادمين الجدد",
        uk="Запитання новоприбулих",
        fa="پرسش‌های تازه‌واردان",
        ti="ሕቶታት ሓደስቲ መጻእቲ",
    ),
    "slug": T(
        "vragen-van-nieuwkomers",
        "questions-des-nouveaux-arrivants",
        "newcomers-questions",
        ar="asila",
        uk="zapytannia",
        fa="porsesh-ha",
        ti="hatotat",
    ),
    "search_description": T(
        "Korte antwoorden voor wie een buddy zoekt.",
        "Des réponses courtes pour qui cherche un buddy.",
        "Short answers for anyone looking for a buddy.",
        ar="أجوبة قصيرة لمن يبحث عن رفيق (buddy).",
        uk="Короткі відповіді для тих, хто шукає бадді.",
        fa="پاسخ‌های کوتاه برای کسی که دنبال همراه (بادی) است.",
        ti="ብዲ ንዝደሊ ሓጸርቲ መልስታት።",
    ),
    "introduction": T(
        "Korte antwoorden op de vragen die nieuwkomers ons het vaakst stellen.",
        "Des réponses courtes aux questions que les nouveaux arrivants nous posent le plus souvent.",
        "Short answers to the questions newcomers ask us most often.",
        ar="أجوبة قصيرة عن الأسئلة التي يطرحها علينا القادمون الجدد أكثر من غيرها.",
        uk="Короткі відповіді на запитання, які новоприбулі ставлять нам найчастіше.",
        fa="پاسخ‌های کوتاه به پرسش‌هایی که تازه‌واردان بیشتر از همه از ما می‌پرسند.",
        ti="ሓደስቲ መጻእቲ ብዙሕ ግዜ ንዝሓትዎና ሕቶታት ሓጸርቲ መልስታት።",
    ),
    "body": [
        *_qa(
            T(
                "Kan ik een buddy krijgen?",
                "Puis-je avoir un buddy ?",
                "Can I have a buddy?",
                ar="هل يمكن أن يكون لي رفيق؟",
                uk="Чи можу я мати бадді?",
                fa="آیا من می‌توانم همراه داشته باشم؟",
                ti="ብዲ ክረክብ እኽእል ድየ?",
            ),
            R(
                "<p>Ja, als je nog maar pas in België of Luxemburg woont. De organisaties van de programma's zijn "
                "er voor jou.</p>",
                "<p>Oui, si vous vivez depuis peu en Belgique ou au Luxembourg. Les organisations des programmes "
                "sont là pour vous.</p>",
                "<p>Yes, if you have only recently come to live in Belgium or Luxembourg. The organisations that "
                "run the programmes are there for you.</p>",
                ar="<p>نعم، إذا كنت قد جئت حديثاً لتعيش في بلجيكا أو لوكسمبورغ. المنظمات التي تدير البرامج "
                "موجودة من أجلك.</p>",
                uk="<p>Так, якщо ви недавно живете в Бельгії чи Люксембурзі. Організації, які ведуть програми, "
                "працюють і для вас.</p>",
                fa="<p>بله، اگر تازه به بلژیک یا لوکزامبورگ آمده‌اید. سازمان‌هایی که برنامه‌ها را اجرا می‌کنند "
                "برای شما هم هستند.</p>",
                ti="<p>እወ፡ ቅድሚ ቁሩብ ግዜ ናብ ቤልጁም ወይ ሉክሰምበርግ እንተ መጺእኩም። ነቶም ፕሮግራማት ዘካይዱ ትካላት ንዓኹም እውን እዮም።</p>",
            ),
        ),
        *_qa(
            T(
                "Hoe vraag ik om mee te doen?",
                "Comment demander à participer ?",
                "How do I ask to take part?",
                ar="كيف أطلب المشاركة؟",
                uk="Як попросити взяти участь?",
                fa="چطور درخواست کنم که شرکت کنم؟",
                ti="ክሳተፍ ከመይ ይሓትት?",
            ),
            R(
                "<p>Zoek een programma met je postcode. Bij sommige programma's vraag je op deze website om mee te "
                "doen. De organisatie neemt dan contact met je op.</p>",
                "<p>Cherchez un programme avec votre code postal. Pour certains programmes, vous demandez à "
                "participer sur ce site. L'organisation vous contacte ensuite.</p>",
                "<p>Look for a programme with your postcode. For some programmes you ask to take part on this "
                "website. The organisation then contacts you.</p>",
                ar="<p>ابحث عن برنامج بالرمز البريدي. في بعض البرامج تطلب المشاركة على هذا الموقع. بعد ذلك "
                "تتواصل المنظمة معك.</p>",
                uk="<p>Знайдіть програму за своїм поштовим індексом. Для деяких програм ви просите про участь на "
                "цьому сайті. Потім організація зв'яжеться з вами.</p>",
                fa="<p>با کد پستی‌تان برنامه‌ای پیدا کنید. برای بعضی برنامه‌ها در همین وب‌سایت درخواست شرکت "
                "می‌دهید. بعد سازمان با شما تماس می‌گیرد.</p>",
                ti="<p>ብፖስታ ኮድኩም ፕሮግራም ድለዩ። ንገለ ፕሮግራማት ኣብዚ መርበብ ሓበሬታ ክትሳተፉ ትሓቱ። ድሕሪኡ እቲ ትካል ይራኸበኩም።</p>",
            ),
        ),
        *_qa(
            T(
                "Wie ziet mijn gegevens?",
                "Qui voit mes données ?",
                "Who sees my details?",
                ar="من يرى معلوماتي؟",
                uk="Хто бачить мої дані?",
                fa="چه کسی اطلاعات من را می‌بیند؟",
                ti="ሓበሬታይ መን ይርእዮ?",
            ),
            R(
                "<p>Alleen de organisatie van het programma. Je geeft alleen wat zij nodig heeft om je te "
                "antwoorden: je voornaam, je e-mailadres of telefoonnummer, je talen en je gemeente.</p>",
                "<p>Seulement l'organisation du programme. Vous ne donnez que ce dont elle a besoin pour vous "
                "répondre : votre prénom, votre adresse e-mail ou votre numéro de téléphone, vos langues et votre "
                "commune.</p>",
                "<p>Only the organisation that runs the programme. You give only what it needs to answer you: "
                "your first name, your e-mail address or phone number, your languages and your municipality.</p>",
                ar="<p>المنظمة التي تدير البرنامج فقط. تعطي فقط ما تحتاجه لترد عليك: اسمك الأول، وبريدك "
                "الإلكتروني أو رقم هاتفك، واللغات التي تتكلمها، وبلديتك.</p>",
                uk="<p>Лише організація, яка веде програму. Ви даєте тільки те, що їй потрібно, щоб вам "
                "відповісти: ім'я, електронну пошту або номер телефону, ваші мови та вашу громаду.</p>",
                fa="<p>فقط سازمانی که برنامه را اجرا می‌کند. فقط چیزی را می‌دهید که برای پاسخ دادن به شما لازم "
                "است: نام کوچک، ایمیل یا شماره تلفن، زبان‌هایتان و شهرتان.</p>",
                ti="<p>እቲ ፕሮግራም ዘካይድ ትካል ጥራይ። ንዓኹም ንምምላስ ዘድልዮ ጥራይ ትህቡ፡ ቀዳማይ ስምኩም፡ ኢመይል ወይ "
                "ቁጽሪ ተሌፎን፡ ቋንቋታትኩምን ከተማኹምን።</p>",
            ),
        ),
        *_qa(
            T(
                "Moet ik Nederlands of Frans spreken?",
                "Dois-je parler français ou néerlandais ?",
                "Do I need to speak Dutch or French?",
                ar="هل يجب أن أتكلم الهولندية أو الفرنسية؟",
                uk="Чи потрібно говорити нідерландською або французькою?",
                fa="آیا باید هلندی یا فرانسوی حرف بزنم؟",
                ti="ሆላንድኛ ወይ ፈረንሳይኛ ክዛረብ ኣለኒ ድዩ?",
            ),
            R(
                "<p>Niet altijd. Bij elk programma staat welke talen er gesproken worden. Bij het zoeken kun je "
                "kiezen op taal.</p>",
                "<p>Pas toujours. Chaque programme indique les langues qu'on y parle. En cherchant, vous pouvez "
                "choisir une langue.</p>",
                "<p>Not always. Each programme shows the languages spoken in it. When you search, you can choose "
                "a language.</p>",
                ar="<p>ليس دائماً. كل برنامج يذكر اللغات التي يُتكلَّم بها فيه. عند البحث يمكنك أن تختار لغة.</p>",
                uk="<p>Не завжди. У кожній програмі вказано, якими мовами там говорять. Під час пошуку можна "
                "вибрати мову.</p>",
                fa="<p>نه همیشه. هر برنامه نشان می‌دهد به چه زبان‌هایی در آن حرف می‌زنند. موقع جستجو می‌توانید "
                "زبان را انتخاب کنید.</p>",
                ti="<p>ኩሉ ግዜ ኣይኮነን። ነፍሲ ወከፍ ፕሮግራም ኣብኡ ዝዝረቡ ቋንቋታት የርኢ። ክትደልዩ ከለኹም ቋንቋ ክትመርጹ ትኽእሉ ኢኹም።</p>",
            ),
        ),
    ],
}
