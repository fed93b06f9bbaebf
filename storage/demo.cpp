// Fills an event with demo ideas and votes so the kiosk and projector can be tried before an event.
#include "storage/demo.h"

#include "storage/demo_texts.h"
#include "storage/text.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <random>

namespace storage {

EventSettings demoEventSettings() {
    EventSettings s;
    s.title = "Integrationskonferenz Herten – Ihre Ideen für unser Miteinander";
    s.venue = "Glashaus Herten";
    s.voteBudget = 5;
    // The topics in every language of the kiosk (ru, uk, pl, ku written by the project, as their texts).
    auto category = [](const char* key, const char* color, const char* de, const char* tr, const char* en) {
        Category c;
        c.key = key;
        c.color = color;
        c.names = {{"de", de}, {"tr", tr}, {"en", en}};
        return c;
    };
    auto more = [](Category c, const char* ru, const char* uk, const char* pl, const char* ku) {
        c.names.insert({{"ru", ru}, {"uk", uk}, {"pl", pl}, {"ku", ku}});
        return c;
    };
    s.categories = {
        more(category("begegnung", "#e07a5f", "Begegnung", "Tanışma ve buluşma", "Meeting each other"),
             "Встречи", "Зустрічі", "Spotkania", "Hevdîtin"),
        more(category("bildung", "#3d85c6", "Bildung", "Eğitim", "Education"),
             "Образование", "Освіта", "Edukacja", "Perwerde"),
        more(category("arbeit", "#6aa84f", "Arbeit & Ausbildung", "İş ve meslek eğitimi", "Work & training"),
             "Работа и профобучение", "Робота й професійне навчання", "Praca i nauka zawodu", "Kar û perwerdeya pîşeyî"),
        more(category("sprache", "#8e63ce", "Sprache", "Dil", "Language"),
             "Язык", "Мова", "Język", "Ziman"),
        more(category("kultur-sport", "#f1c232", "Kultur & Sport", "Kültür ve spor", "Culture & sport"),
             "Культура и спорт", "Культура й спорт", "Kultura i sport", "Çand û werzîş"),
        more(category("stadtteil", "#45818e", "Stadtteil & Wohnen", "Mahalle ve konut", "Neighbourhood & housing"),
             "Район и жильё", "Район і житло", "Dzielnica i mieszkanie", "Tax û xanî")};
    return s;
}

namespace {

constexpr TimeMs kDayMs = 6LL * 3600 * 1000;  // a conference day of six hours, ending now

std::string variedTitle(const demo::DemoIdea& base, int index) {
    const int round = index / static_cast<int>(demo::ideas().size());
    if (round == 0) return base.title;
    const auto& districts = demo::districts();
    std::string title = std::string(base.title) + " – " + districts[static_cast<std::size_t>(round - 1) % districts.size()];
    const int cycle = (round - 1) / static_cast<int>(districts.size());
    if (cycle > 0) title += " (" + std::to_string(cycle + 1) + ")";
    return title;
}

// The category keys of the event, so demo ideas fit events loaded from another TOML too.
std::string categoryFor(const Event& event, const demo::DemoIdea& base, int index) {
    const auto& categories = event.settings.categories;
    if (categories.empty()) return {};
    for (const auto& c : categories) {
        if (c.key == base.category) return c.key;
    }
    return categories[static_cast<std::size_t>(index) % categories.size()].key;
}

}  // namespace

NewIdea demoIdea(const Event& event, int index) {
    const auto& bases = demo::ideas();
    const auto& base = bases[static_cast<std::size_t>(index) % bases.size()];
    NewIdea idea;
    idea.title = variedTitle(base, index);
    idea.description = base.description;
    idea.author = demo::authors()[static_cast<std::size_t>(index * 7) % demo::authors().size()];
    idea.category = categoryFor(event, base, index);
    idea.language = base.language;
    return idea;
}

void fillDemo(Store& store, const std::string& eventId, int ideaCount, int voteCount, std::uint64_t seed) {
    const auto event = store.event(eventId);
    if (!event) throw RuleError("unknown_event", "no event with id " + quoteUntrusted(eventId));
    if (ideaCount < 0 || voteCount < 0) throw RuleError("bad_demo", "--ideas and --votes must not be negative");
    if (voteCount > 0 && ideaCount == 0) throw RuleError("bad_demo", "votes need ideas (--ideas must be at least 1)");
    std::mt19937_64 rng(seed);
    const TimeMs end = store.now();
    const TimeMs start = end - kDayMs;
    std::uniform_int_distribution<TimeMs> when(start, end);
    const auto& bases = demo::ideas();
    const auto& authors = demo::authors();

    store.transaction([&] {
        std::vector<std::string> ideaIds;
        std::vector<TimeMs> times(static_cast<std::size_t>(ideaCount));
        for (auto& t : times) t = when(rng);
        std::sort(times.begin(), times.end());
        for (int i = 0; i < ideaCount; ++i) {
            const auto& base = bases[static_cast<std::size_t>(i) % bases.size()];
            Idea idea;
            idea.id = store.newId();
            idea.eventId = eventId;
            idea.title = variedTitle(base, i);
            idea.description = base.description;
            idea.author = authors[rng() % authors.size()];
            idea.category = categoryFor(*event, base, i);
            idea.language = base.language;
            idea.createdAt = times[static_cast<std::size_t>(i)];
            store.insertIdeaRecord(idea);
            ideaIds.push_back(idea.id);
        }
        if (voteCount == 0) return;
        // Votes straight through prepared statements: a million of them must take seconds, not minutes.
        // Popularity is skewed (some ideas draw a crowd), and no session exceeds the budget or votes twice.
        SQLite::Statement session(store.db(), "INSERT INTO sessions(id, event_id, kiosk_id, language, started_at, "
                                              "ended_at, end_reason) VALUES (?, ?, ?, ?, ?, ?, 'finished')");
        SQLite::Statement vote(store.db(), "INSERT INTO votes(id, event_id, idea_id, session_id, kind, created_at, "
                                           "kiosk_id) VALUES (?, ?, ?, ?, 'vote', ?, ?)");
        std::exponential_distribution<double> popularity(3.0);
        const int budget = event->settings.voteBudget;
        const int perSessionMax = std::min(budget, ideaCount);
        int cast = 0;
        while (cast < voteCount) {
            const std::string sessionId = store.newId();
            const TimeMs began = when(rng);
            const int wanted = std::min(voteCount - cast, 1 + static_cast<int>(rng() % static_cast<unsigned>(perSessionMax)));
            session.bind(1, sessionId);
            session.bind(2, eventId);
            session.bind(3, store.kioskId());
            session.bind(4, knownLanguages()[rng() % knownLanguages().size()]);
            session.bind(5, began);
            session.bind(6, began + 60000);
            session.exec();
            session.reset();
            std::vector<std::size_t> chosen;
            while (static_cast<int>(chosen.size()) < wanted) {
                const double x = std::min(0.999999, popularity(rng) / 8.0);
                const auto index = static_cast<std::size_t>(x * static_cast<double>(ideaCount)) % ideaIds.size();
                if (std::find(chosen.begin(), chosen.end(), index) != chosen.end()) {
                    chosen.push_back(rng() % ideaIds.size());  // fall back to any idea not chosen yet
                    if (std::count(chosen.begin(), chosen.end(), chosen.back()) > 1) chosen.pop_back();
                    continue;
                }
                chosen.push_back(index);
            }
            for (std::size_t k = 0; k < chosen.size(); ++k) {
                vote.bind(1, store.newId());
                vote.bind(2, eventId);
                vote.bind(3, ideaIds[chosen[k]]);
                vote.bind(4, sessionId);
                vote.bind(5, began + static_cast<TimeMs>(k) * 5000);
                vote.bind(6, store.kioskId());
                vote.exec();
                vote.reset();
            }
            cast += wanted;
        }
    });
}

}  // namespace storage
