// The report's texts (see texts.h). They live here rather than in assets/i18n because the report is written by
// the command line and the panel alike, neither of which must find the assets folder for it.
#include "report/texts.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace report {

namespace {

using Words = std::array<const char*, 3>;  // de, tr, en

const std::map<std::string_view, Words>& words() {
    static const std::map<std::string_view, Words> table = {
        {"report", {"Ergebnisbericht", "Sonuç raporu", "Results report"}},
        {"venue", {"Ort", "Yer", "Venue"}},
        {"dates", {"Datum", "Tarih", "Dates"}},
        {"key_figures", {"Kennzahlen", "Temel rakamlar", "Key figures"}},
        {"ideas", {"Ideen", "Fikirler", "Ideas"}},
        {"ideas_published", {"davon veröffentlicht", "yayımlanan", "of them published"}},
        {"votes", {"Stimmen", "Oylar", "Votes"}},
        {"participants", {"Teilnehmende", "Katılımcılar", "Participants"}},
        {"sessions", {"Sitzungen an den Geräten", "Cihazlardaki oturumlar", "Sessions at the devices"}},
        {"sessions_by_source", {"Sitzungen je Gerät", "Cihaz başına oturumlar", "Sessions per device"}},
        {"ranking", {"Rangliste", "Sıralama", "Ranking"}},
        {"ranking_top", {"Die meistgewählten Ideen", "En çok oy alan fikirler", "The ideas with the most votes"}},
        {"number", {"Nr.", "No.", "No."}},
        {"title", {"Titel", "Başlık", "Title"}},
        {"topic", {"Thema", "Konu", "Topic"}},
        {"share", {"Anteil", "Pay", "Share"}},
        {"no_topic", {"(ohne Thema)", "(konusuz)", "(no topic)"}},
        {"no_ideas", {"Keine veröffentlichten Ideen.", "Yayımlanmış fikir yok.", "No published ideas."}},
        {"best_per_topic", {"Die besten Ideen je Thema", "Konu başına en iyi fikirler", "The best ideas per topic"}},
        {"charts", {"Beteiligung in Zahlen", "Rakamlarla katılım", "Participation in numbers"}},
        {"chart_hours", {"Beteiligung je Stunde", "Saat başına katılım", "Participation per hour"}},
        {"chart_topics", {"Ideen und Stimmen je Thema", "Konu başına fikirler ve oylar", "Ideas and votes per topic"}},
        {"chart_languages", {"Ideen und Stimmen je Sprache", "Dil başına fikirler ve oylar",
                             "Ideas and votes per language"}},
        {"axis_hour", {"Uhrzeit (Stunde)", "Saat", "Time of day (hour)"}},
        {"axis_count", {"Anzahl", "Sayı", "Count"}},
        {"axis_topic", {"Thema", "Konu", "Topic"}},
        {"axis_language", {"Sprache", "Dil", "Language"}},
        {"lang_de", {"Deutsch", "Almanca", "German"}},
        {"lang_tr", {"Türkisch", "Türkçe", "Turkish"}},
        {"lang_en", {"Englisch", "İngilizce", "English"}},
        {"lang_ru", {"Russisch", "Rusça", "Russian"}},
        {"lang_uk", {"Ukrainisch", "Ukraynaca", "Ukrainian"}},
        {"lang_pl", {"Polnisch", "Lehçe", "Polish"}},
        {"lang_ku", {"Kurmandschi", "Kurmanci", "Kurmanji"}},
        {"lang_ar", {"Arabisch", "Arapça", "Arabic"}},
        {"moderation", {"Moderation in Zahlen", "Rakamlarla moderasyon", "Moderation in numbers"}},
        {"pending", {"Noch nicht freigegeben", "Henüz onaylanmadı", "Not yet approved"}},
        {"hidden", {"Ausgeblendet", "Gizlenen", "Hidden"}},
        {"merged", {"Mit einer gleichen Idee zusammengeführt", "Aynı bir fikirle birleştirilen",
                    "Merged with a same idea"}},
        {"hidden_reasons", {"Gründe für das Ausblenden", "Gizleme gerekçeleri", "Reasons for hiding"}},
        {"no_reason", {"(ohne Begründung)", "(gerekçesiz)", "(no reason given)"}},
        {"no_personal_data", {"Der Bericht enthält keine personenbezogenen Daten: keine Namen, keine Geräte-"
                              "Sitzungen einzelner Personen, keine Angaben dazu, wer moderiert hat.",
                              "Rapor kişisel veri içermez: isim yok, tek tek kişilerin oturumları yok, kimin "
                              "moderasyon yaptığı yok.",
                              "The report holds no personal data: no names, no single person's sessions, nothing "
                              "about who moderated."}},
        {"method", {"Zur Methode", "Yöntem hakkında", "Method notes"}},
        {"method_budget", {"Jede Sitzung an einem Gerät hatte {budget} Stimmen; eine Idee konnte in einer Sitzung höchstens "
                           "eine Stimme bekommen. Zurückgenommene Stimmen und Stimmen ungültig erklärter Sitzungen "
                           "zählen nicht.",
                           "Bir cihazdaki her oturumun {budget} oyu vardı; bir fikir bir oturumda en fazla bir oy "
                           "alabilirdi. Geri alınan oylar ve geçersiz sayılan oturumların oyları sayılmaz.",
                           "Each session at a device had {budget} votes; an idea could get at most one vote per session. "
                           "Retracted votes and votes of sessions declared void do not count."}},
        {"method_order", {"Die Geräte zeigten die Ideen in jeder Sitzung in einer eigenen zufälligen Reihenfolge, "
                          "damit keine Idee allein durch ihren Platz in der Liste Stimmen gewinnt.",
                          "Cihazlar fikirleri her oturumda kendine özgü rastgele bir sırayla gösterdi; böylece hiçbir "
                          "fikir yalnızca listedeki yeri sayesinde oy kazanmadı.",
                          "The devices showed the ideas in a random order of each session's own, so that no idea "
                          "won votes by its place in the list alone."}},
        {"method_merge", {"Gleiche Ideen hat die Moderation zusammengeführt: Die Stimmen der zusammengeführten Idee "
                          "zählen für die bleibende, aus einer Sitzung aber nur einmal.",
                          "Aynı fikirler moderasyon tarafından birleştirildi: birleştirilen fikrin oyları kalan "
                          "fikre sayılır, bir oturumdan ise yalnızca bir kez.",
                          "The moderators merged same ideas: the merged idea's votes count for the one that stays, "
                          "but only once per session."}},
        {"method_share", {"Der Anteil einer Idee ist ihr Anteil an allen gültigen Stimmen der Veranstaltung.",
                          "Bir fikrin payı, etkinliğin tüm geçerli oyları içindeki payıdır.",
                          "An idea's share is its part of all valid votes of the event."}},
        {"method_moderation", {"Ausgeblendete und noch nicht freigegebene Ideen stehen nicht in der Rangliste.",
                               "Gizlenen ve henüz onaylanmamış fikirler sıralamada yer almaz.",
                               "Hidden ideas and ideas not yet approved are not in the ranking."}},
        {"no_data", {"Keine Daten", "Veri yok", "No data"}},
        {"made_with", {"Erstellt mit Ideenkiosk", "Ideenkiosk ile oluşturuldu", "Made with Ideenkiosk"}},
        {"page", {"Seite", "Sayfa", "Page"}},
        {"continued", {"(Fortsetzung)", "(devamı)", "(continued)"}},
    };
    return table;
}

std::size_t slot(const std::string& language) {
    if (language == "tr") return 1;
    if (language == "en") return 2;
    return 0;
}

}  // namespace

std::string text(const std::string& language, std::string_view key) {
    const auto it = words().find(key);
    return it == words().end() ? std::string(key) : it->second[slot(language)];
}

std::string formatCount(const std::string& language, long long n) {
    const std::string digits = std::to_string(n < 0 ? -n : n);
    const char* separator = language == "en" ? "," : ".";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string formatShare(const std::string& language, double share) {
    char number[32];
    std::snprintf(number, sizeof number, "%.1f", std::round(share * 1000.0) / 10.0);
    std::string value = number;
    if (language != "en") {
        for (auto& c : value) {
            if (c == '.') c = ',';
        }
    }
    if (language == "tr") return "%" + value;
    return language == "en" ? value + "%" : value + "\u00A0%";
}

}  // namespace report
