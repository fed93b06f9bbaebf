// Demo ideas for the integration conference, written for this project in German, Turkish and English.
#include "storage/demo_texts.h"

namespace storage::demo {

const std::vector<DemoIdea>& ideas() {
    static const std::vector<DemoIdea> list = {
        {"de", "begegnung", "Stadtrundfahrten mit Migranten", "Menschen, die zugewandert sind, zeigen ihre Lieblingsorte in Herten – und erzählen, warum sie hier zu Hause sind."},
        {"de", "sprache", "Sprachcafé im Glashaus", "Jeden Donnerstag Deutsch üben bei Tee und Kuchen, mit Ehrenamtlichen aus der Nachbarschaft."},
        {"de", "begegnung", "Interkulturelles Kochbuch der Nachbarschaft", "Familien sammeln ihre Lieblingsrezepte; das Buch wird beim Stadtfest verkauft."},
        {"de", "bildung", "Hausaufgabenhilfe in der Moschee und im Gemeindehaus", "Ältere Schülerinnen und Schüler helfen Jüngeren, zweimal die Woche, kostenlos."},
        {"de", "arbeit", "Patenschaften für Ausbildungsplätze", "Handwerksbetriebe übernehmen Patenschaften für junge Leute mit Migrationsgeschichte."},
        {"de", "kultur-sport", "Fußballturnier der Kulturen", "Gemischte Teams aus Vereinen, Schulen und Moscheegemeinden spielen um einen Wanderpokal."},
        {"de", "stadtteil", "Willkommensmappe in fünf Sprachen", "Was man in Herten wissen muss: Ämter, Ärzte, Schulen, Vereine – auf Deutsch, Türkisch, Arabisch, Russisch und Englisch."},
        {"de", "begegnung", "Nachbarschaftsfest in jedem Stadtteil", "Einmal im Jahr Tische auf die Straße: jeder bringt etwas mit."},
        {"de", "bildung", "Elterncafé an Grundschulen", "Eltern treffen Lehrkräfte in lockerer Runde, mit Dolmetscherinnen aus der Elternschaft."},
        {"de", "arbeit", "Anerkennung ausländischer Abschlüsse beschleunigen", "Eine Lotsin im Rathaus, die bei Anträgen hilft und Wartezeiten verkürzt."},
        {"de", "sprache", "Vorlesepaten in der Stadtbibliothek", "Kinderbücher zweisprachig vorlesen, jeden Samstagvormittag."},
        {"de", "kultur-sport", "Theaterprojekt mit Jugendlichen", "Jugendliche schreiben und spielen ein Stück über ihr Leben in Herten."},
        {"de", "stadtteil", "Gemeinschaftsgarten am Zechengelände", "Beete für Familien aus allen Ländern, mit Werkzeugschuppen und Sitzbänken."},
        {"de", "begegnung", "Tag der offenen Moschee und Kirche gemeinsam", "Gemeinden laden am selben Tag ein, mit einem gemeinsamen Rundgang."},
        {"de", "bildung", "Mehrsprachige Kita-Informationen", "Anmeldung und Elternbriefe in den Sprachen der Familien."},
        {"de", "arbeit", "Jobbörse im Glashaus", "Betriebe aus Herten stellen sich vor, Bewerbungsfotos und Lebenslauf-Check vor Ort."},
        {"tr", "begegnung", "Her yaz mahalle şenliği", "Komşular bir araya gelsin, çocuklar oynasın, herkes bir yemek getirsin."},
        {"tr", "sprache", "Kadınlar için Almanca kursu, çocuk bakımı ile", "Anneler kursa gidebilsin diye aynı binada çocuklara bakılsın."},
        {"tr", "bildung", "Gençler için meslek tanıtım günleri", "Ustalar ve şirketler okullara gelip meslekleri anlatsın."},
        {"tr", "kultur-sport", "Kadınlara özel yüzme saatleri", "Hamamda haftada bir akşam sadece kadınlara açık olsun."},
        {"tr", "stadtteil", "Yaşlılar için buluşma kahvesi", "Emekli işçiler ve aileleri için sıcak bir buluşma yeri."},
        {"tr", "arbeit", "Diploma denkliği için danışma", "Yurt dışında alınan diplomaların tanınması için belediyede yardım."},
        {"tr", "begegnung", "Ramazan'da ortak iftar sofrası", "Farklı inançlardan komşular aynı sofrada buluşsun."},
        {"tr", "bildung", "Anne babalar için okul rehberi", "Alman okul sistemi Türkçe ve Almanca anlatılsın."},
        {"tr", "sprache", "İki dilli masal saatleri", "Kütüphanede çocuklara Türkçe ve Almanca masal okunsun."},
        {"tr", "kultur-sport", "Gençlik müzik atölyesi", "Bağlama, gitar ve rap bir arada; yılda bir konser."},
        {"tr", "stadtteil", "Parklara daha fazla bank ve ışık", "Akşamları parklar aileler için güvenli olsun."},
        {"tr", "begegnung", "Yeni gelenlere mahalle rehberi", "Gönüllüler yeni gelen ailelere mahalleyi gezdirsin."},
        {"en", "arbeit", "Mentoring for newcomers at local firms", "Experienced employees meet a newcomer once a month for the first year."},
        {"en", "begegnung", "Welcome dinners in private homes", "Families host a dinner for people who just arrived in Herten."},
        {"en", "bildung", "Free evening classes on German bureaucracy", "How to fill in forms, read letters from offices and make appointments."},
        {"en", "sprache", "Language tandem app for Herten", "Match people who want to learn each other's language."},
        {"en", "kultur-sport", "Open-air cinema with films from many countries", "Subtitled films in the park on summer evenings."},
        {"en", "stadtteil", "Repair café in every district", "Fix bikes, clothes and toasters together instead of throwing them away."},
        {"en", "begegnung", "Storytelling evenings: how I came to Herten", "Older and younger residents tell their stories on stage."},
        {"en", "arbeit", "Internships in the city administration", "Young people with a migration history get to know public service jobs."},
        {"en", "bildung", "Homework club with university students", "Students from nearby universities help pupils twice a week."},
        {"en", "kultur-sport", "Intercultural choir", "Songs in many languages, rehearsals open to everyone."},
        {"en", "stadtteil", "Multilingual signs at the town hall", "Where to go for what, in the languages people speak here."},
        {"en", "sprache", "Interpreters' pool of volunteers", "A phone list of volunteers who accompany people to doctors and offices."},
        {"de", "stadtteil", "Bürgersprechstunde mit Dolmetscher", "Der Bürgermeister hört zu, und niemand muss wegen der Sprache schweigen."},
        {"de", "kultur-sport", "Kulturwoche „Herten ist bunt“", "Musik, Essen und Ausstellungen aus allen Ländern, die in Herten zu Hause sind."},
    };
    return list;
}

const std::vector<const char*>& districts() {
    static const std::vector<const char*> list = {"Herten-Mitte", "Westerholt", "Scherlebeck", "Disteln",
        "Langenbochum", "Paschenberg", "Bertlich", "Backum", "Ebbelich", "Süd"};
    return list;
}

const std::vector<const char*>& authors() {
    static const std::vector<const char*> list = {"", "", "", "Ayşe", "Mehmet K.", "Anna", "Jürgen", "Fatma",
        "Olga", "Yusuf", "Sabine", "Elif", "Dariusz", "Leyla", "Peter", ""};
    return list;
}

}  // namespace storage::demo
