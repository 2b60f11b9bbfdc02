"""Write the app's en/ar catalogs for the new-hire portal and the mails, then run msgfmt.

Only the strings a new hire or an external coach reads are here; staff screens are Dutch
(and English through the project catalogs). Run: python locale/build_catalogs.py
"""

import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent

STRINGS = {
    "Jouw inwerkplan": ("Your onboarding plan", "خطة تعريفك بالعمل"),
    "Welkom, %(name)s": ("Welcome, %(name)s", "مرحباً، %(name)s"),
    "Dit is jouw inwerkplan bij %(org)s. Hier zie je wat je gaat doen en wie je helpt.": (
        "This is your onboarding plan at %(org)s. Here you see what you will do and who helps you.",
        "هذه خطة تعريفك بالعمل في %(org)s. هنا ترى ما ستفعله ومن يساعدك.",
    ),
    "Zo ver ben je:": ("Your progress:", "مدى تقدمك:"),
    "Je eerste dag": ("Your first day", "يومك الأول"),
    "Wanneer": ("When", "متى"),
    "Waar": ("Where", "أين"),
    "Vraag naar": ("Ask for", "اسأل عن"),
    "Wie helpt je?": ("Who helps you?", "من يساعدك؟"),
    "Een buddy is een collega die je de weg wijst. Je mag alles vragen.": (
        "A buddy is a colleague who shows you the way. You can ask anything.",
        "الزميل المرافق (buddy) هو زميل يرشدك. يمكنك أن تسأل عن أي شيء.",
    ),
    "Vertel het ons": ("Tell us", "أخبرنا"),
    "Intake: wat verwacht je en wat heb je nodig?": (
        "Intake: what do you expect and what do you need?",
        "المقابلة الأولى: ماذا تتوقع وماذا تحتاج؟",
    ),
    "Hoe gaat het? Elke week een korte check-in": (
        "How are you doing? A short check-in every week",
        "كيف حالك؟ سؤال قصير كل أسبوع",
    ),
    "Wat viel je op? Schrijf tot tien dingen op": (
        "What struck you? Write down up to ten things",
        "ما الذي لفت انتباهك؟ اكتب حتى عشرة أشياء",
    ),
    "Wat wil je leren? Jouw doelen": (
        "What do you want to learn? Your goals",
        "ماذا تريد أن تتعلم؟ أهدافك",
    ),
    "Jouw taken": ("Your tasks", "مهامك"),
    "Klaar op: %(date)s": ("Done by: %(date)s", "الموعد: %(date)s"),
    "Klaar": ("Done", "تم"),
    "Dit is klaar": ("This is done", "تم الانتهاء"),
    "Je hebt nu geen taken.": ("You have no tasks right now.", "ليس لديك مهام الآن."),
    "Dit regelen anderen voor je": ("Others arrange this for you", "هذا ما يرتبه الآخرون لك"),
    "Deze pagina is alleen voor jou. Deel de link niet met anderen.": (
        "This page is only for you. Do not share the link.",
        "هذه الصفحة لك وحدك. لا تشارك الرابط مع الآخرين.",
    ),
    "Terug naar jouw inwerkplan": ("Back to your onboarding plan", "العودة إلى خطتك"),
    "Hoe gaat het?": ("How are you doing?", "كيف حالك؟"),
    "Hoe gaat het met je?": ("How are you feeling?", "كيف تشعر؟"),
    "1 is heel slecht, 5 is heel goed.": (
        "1 is very bad, 5 is very good.",
        "1 سيئ جداً، 5 جيد جداً.",
    ),
    "Heel slecht": ("Very bad", "سيئ جداً"),
    "Niet zo goed": ("Not so good", "ليس جيداً"),
    "Gaat wel": ("Okay", "مقبول"),
    "Goed": ("Good", "جيد"),
    "Heel goed": ("Very good", "جيد جداً"),
    "Wat ging goed deze week?": ("What went well this week?", "ما الذي سار بشكل جيد هذا الأسبوع؟"),
    "Wat was lastig?": ("What was difficult?", "ما الذي كان صعباً؟"),
    "Wat heb je nodig van ons?": ("What do you need from us?", "ماذا تحتاج منا؟"),
    "Drie korte vragen. Het kost twee minuten. Je leidinggevende leest je antwoorden.": (
        "Three short questions. It takes two minutes. Your manager reads your answers.",
        "ثلاثة أسئلة قصيرة. تستغرق دقيقتين. مديرك يقرأ إجاباتك.",
    ),
    "Zo ging het eerder": ("How it went before", "كيف كانت الأسابيع السابقة"),
    "Verstuur": ("Send", "أرسل"),
    "Dank je wel. Je leidinggevende ziet hoe het gaat.": (
        "Thank you. Your manager sees how you are doing.",
        "شكراً لك. مديرك يرى كيف حالك.",
    ),
    "Goed zo! De taak staat op klaar.": (
        "Well done! The task is marked as done.",
        "أحسنت! تم تسجيل المهمة كمنجزة.",
    ),
    "Wat viel je op?": ("What struck you?", "ما الذي لفت انتباهك؟"),
    "Deel wat je opviel": ("Share what struck you", "شارك ما لفت انتباهك"),
    "Intake": ("Intake", "المقابلة الأولى"),
    "Wat verwacht je van ons?": ("What do you expect from us?", "ماذا تتوقع منا؟"),
    "Wat wil je leren?": ("What do you want to learn?", "ماذا تريد أن تتعلم؟"),
    "Wat heb je nodig?": ("What do you need?", "ماذا تحتاج؟"),
    "Jouw doelen": ("Your goals", "أهدافك"),
    "Voeg doel toe": ("Add goal", "أضف هدفاً"),
    "Leidinggevende": ("Manager", "المدير"),
    "Buddy": ("Buddy", "الزميل المرافق"),
    "Taalcoach": ("Language coach", "مدرب اللغة"),
    "Praktijkopleider": ("Workplace supervisor", "المشرف في مكان العمل"),
    "Deze link werkt niet": ("This link does not work", "هذا الرابط لا يعمل"),
    "Vul de intake in": ("Fill in the intake", "املأ استمارة المقابلة الأولى"),
    "Vul je eerste check-in in": ("Fill in your first check-in", "أجب عن أسئلة الأسبوع الأول"),
    "Deel je tien verbazingen": ("Share your ten surprises", "شارك عشرة أشياء فاجأتك"),
    "Maak je ontwikkeldoelen": ("Write your development goals", "اكتب أهداف تطورك"),
    "Maak een lijst met vaktermen": ("Make a list of work terms", "اعمل قائمة بالمصطلحات المهنية"),
    "Jouw inwerkplan bij %(org)s": (
        "Your onboarding plan at %(org)s",
        "خطة تعريفك بالعمل في %(org)s",
    ),
    "Inwerken: taken voor vandaag": ("Onboarding: tasks for today", "التعريف بالعمل: مهام اليوم"),
    "Inwerken: er zijn taken te laat": (
        "Onboarding: some tasks are overdue",
        "التعريف بالعمل: مهام متأخرة",
    ),
    "Hoe gaat het deze week?": ("How is your week going?", "كيف كان أسبوعك؟"),
    "Weekoverzicht: uw nieuwe collega's": (
        "Weekly overview: your new colleagues",
        "ملخص الأسبوع: زملاؤك الجدد",
    ),
    "Hallo,": ("Hello,", "مرحباً،"),
    "Hallo %(name)s,": ("Hello %(name)s,", "مرحباً %(name)s،"),
    "Deze taken staan vandaag op je lijst:": (
        "These tasks are on your list today:",
        "هذه المهام على قائمتك اليوم:",
    ),
    "Deze taken zijn te laat:": ("These tasks are overdue:", "هذه المهام متأخرة:"),
    "Hoe ging je week? Beantwoord drie korte vragen. Het kost twee minuten.": (
        "How was your week? Answer three short questions. It takes two minutes.",
        "كيف كان أسبوعك؟ أجب عن ثلاثة أسئلة قصيرة. تستغرق دقيقتين.",
    ),
}

HEADERS = {
    "en": "Plural-Forms: nplurals=2; plural=(n != 1);",
    "ar": "Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
    "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;",
}


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    for index, language in enumerate(("en", "ar")):
        lines = [
            'msgid ""',
            'msgstr ""',
            '"Content-Type: text/plain; charset=UTF-8\\n"',
            f'"Language: {language}\\n"',
            f'"{HEADERS[language]}\\n"',
            "",
        ]
        for msgid, translations in STRINGS.items():
            if "%(" in msgid:
                lines.append("#, python-format")
            lines += [f"msgid {quote(msgid)}", f"msgstr {quote(translations[index])}", ""]
        folder = HERE / language / "LC_MESSAGES"
        (folder / "django.po").write_text("\n".join(lines), encoding="utf-8")
        subprocess.run(  # noqa: S603
            ["msgfmt", "--check", "-o", str(folder / "django.mo"), str(folder / "django.po")],  # noqa: S607
            check=True,
        )


if __name__ == "__main__":
    main()
