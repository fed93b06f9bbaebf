// The moderators' panel against a real store: what it shows, and each action as one change with a message.
#include "app_fixtures.h"

#include "kiosk/app/logic/export_folder.h"
#include "kiosk/app/logic/panel_actions.h"
#include "storage/moderation.h"
#include "storage/phone_address.h"
#include "storage/service_log.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

using namespace kiosk;
using Kind = core::PanelAction::Kind;

namespace {

const core::Catalog& catalog() {
    static const core::Catalog text = core::Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
    return text;
}

core::PanelAction action(Kind kind, const std::string& target = {}, const std::string& reason = {}) {
    core::PanelAction a;
    a.kind = kind;
    a.target = target;
    a.reason = reason;
    return a;
}

app::PanelResult apply(app_fixtures::ConferenceStore& c, const core::PanelAction& a) {
    return app::applyPanelAction(*c.store, c.eventId, "panel:test", a, catalog(), "en");
}

}  // namespace

TEST_SUITE("panel_actions") {
    TEST_CASE("phones on and off: the wish is kept in the file and logged, the model shows the serving address") {
        app_fixtures::ConferenceStore c;
        CHECK(app::loadPanelModel(*c.store, c.eventId, true).phonesUrl.empty());
        core::PanelAction off = action(Kind::SetPhones);
        off.on = false;
        const auto result = apply(c, off);
        CHECK(result.ok);
        CHECK(storage::phonesWanted(*c.store) == false);
        const auto model = app::loadPanelModel(*c.store, c.eventId, true);
        REQUIRE_FALSE(model.log.empty());
        CHECK(model.log[0].line.find("phones") != std::string::npos);
        storage::recordPhonesUrl(*c.store, "http://192.168.1.10:8080/");
        CHECK(app::loadPanelModel(*c.store, c.eventId, true).phonesUrl == "http://192.168.1.10:8080/");
    }

    TEST_CASE("the model names the source of every session and idea, voiding a phone's session is logged, nothing is deleted") {
        app_fixtures::ConferenceStore c;
        const auto atKiosk = c.add("Sprachcafé");
        const auto kiosk = c.store->startSession(c.eventId, "de");
        c.clock.advance(60000);
        const auto phone = c.store->startPhoneSession(c.eventId, "tr", "hash-of-a-token");
        const auto fromPhone = c.store->submitIdea(c.eventId, fixtures::idea("Mahalle şenliği", "begegnung"), phone);
        const auto typedAtKiosk = c.store->submitIdea(c.eventId, fixtures::idea("Kochabend", "begegnung"), kiosk);
        c.store->castVote(phone, atKiosk.id);
        c.store->castVote(kiosk, atKiosk.id);

        auto model = app::loadPanelModel(*c.store, c.eventId, true);
        REQUIRE(model.sessions.size() == 2);
        CHECK(model.sessions[0].id == phone);
        CHECK(model.sessions[0].phone);
        CHECK_FALSE(model.sessions[1].phone);
        CHECK(model.idea(fromPhone.id)->fromPhone);
        CHECK_FALSE(model.idea(typedAtKiosk.id)->fromPhone);
        CHECK_FALSE(model.idea(atKiosk.id)->fromPhone);  // added without a session (the command line, an import)
        CHECK(model.idea(atKiosk.id)->votes == 2);

        SUBCASE("voiding needs a reason") {
            const auto result = apply(c, action(Kind::VoidSession, phone, "  "));
            CHECK_FALSE(result.ok);
            CHECK(result.message.find(catalog().text("en", "panel.errors.reason_required")) != std::string::npos);
            CHECK_FALSE(app::loadPanelModel(*c.store, c.eventId, true).sessions[0].voided);
        }
        SUBCASE("voided: its vote stops counting, its idea stays, the log says who and why") {
            const auto result = apply(c, action(Kind::VoidSession, phone, "Spam vom Handy"));
            CHECK(result.ok);
            model = app::loadPanelModel(*c.store, c.eventId, true);
            CHECK(model.sessions[0].voided);
            CHECK(model.sessions[0].phone);
            CHECK(model.idea(atKiosk.id)->votes == 1);
            REQUIRE(model.idea(fromPhone.id));
            CHECK(model.idea(fromPhone.id)->fromPhone);
            REQUIRE_FALSE(model.log.empty());
            CHECK(model.log[0].line.find("void_session") != std::string::npos);
            CHECK(model.log[0].line.find("(Spam vom Handy)") != std::string::npos);
            CHECK(c.store->session(phone).has_value());  // the row and its votes stay; only their weight goes
        }
    }

    TEST_CASE("the model lists ideas of every status, sessions newest first, and the log") {
        app_fixtures::ConferenceStore c;
        const auto kept = c.add("Sprachcafé");
        const auto hidden = c.add("Werbung für meinen Laden");
        storage::moderateIdea(*c.store, hidden.id, storage::ModerationVerb::Hide, "panel:test", "Werbung");
        const auto first = c.store->startSession(c.eventId, "de");
        c.clock.advance(60000);
        const auto second = c.store->startSession(c.eventId, "tr");
        c.store->castVote(second, kept.id);

        const auto model = app::loadPanelModel(*c.store, c.eventId, true);
        CHECK(model.eventTitle == "Integrationskonferenz");
        CHECK(model.atKiosk);
        REQUIRE(model.ideas.size() == 2);
        CHECK(storage::toString(model.ideas[1].status) == "hidden");
        REQUIRE(model.sessions.size() == 2);
        CHECK(model.sessions[0].id == second);
        CHECK(model.sessions[0].language == "tr");
        CHECK(model.sessions[0].votes == 1);
        CHECK(model.sessions[1].id == first);
        REQUIRE_FALSE(model.log.empty());
        // The log names the idea by its number and keeps the reason.
        CHECK(model.log[0].line.find("#2") != std::string::npos);
        CHECK(model.log[0].line.find("(Werbung)") != std::string::npos);
        SUBCASE("away from the kiosk there is no kiosk mode to leave") {
            CHECK_FALSE(app::loadPanelModel(*c.store, c.eventId, false).atKiosk);
        }
    }

    TEST_CASE("the kiosk's crashes head the moderators' log") {
        app_fixtures::ConferenceStore c;
        const auto before = app::loadPanelModel(*c.store, c.eventId, true).log.size();
        storage::recordCrash(*c.store, c.store->now(), "std::bad_alloc");
        storage::recordCrash(*c.store, c.store->now(), "std::bad_alloc");
        const auto model = app::loadPanelModel(*c.store, c.eventId, true);
        REQUIRE(model.log.size() == before + 1);
        CHECK(model.log[0].line.find("kiosk  crash  2x  (std::bad_alloc)") != std::string::npos);
        // … and the panel's status line counts them, for a moderator who never opens the log.
        CHECK(model.crashCount == 2);
        CHECK(model.lastCrashAt == model.log[0].line.substr(0, 5));
        CHECK(core::panelStatusLine(model, catalog(), "de") ==
              "Integrationskonferenz  ·  Abstürze: 2 (zuletzt " + model.lastCrashAt + ")");
        CHECK(core::panelStatusLine(model, catalog(), "en").find("Crashes: 2") != std::string::npos);
    }

    TEST_CASE("without crashes the status line is the event's title") {
        app_fixtures::ConferenceStore c;
        const auto model = app::loadPanelModel(*c.store, c.eventId, true);
        CHECK(model.crashCount == 0);
        CHECK(core::panelStatusLine(model, catalog(), "de") == "Integrationskonferenz");
    }

    TEST_CASE("a merged idea shows the number it went into") {
        app_fixtures::ConferenceStore c;
        const auto target = c.add("Stadtrundfahrten mit Migranten");
        const auto duplicate = c.add("Stadtführungen mit Zugewanderten");
        auto merge = action(Kind::Merge, duplicate.id, "doppelt");
        merge.other = target.id;
        CHECK(apply(c, merge).ok);
        const auto model = app::loadPanelModel(*c.store, c.eventId, false);
        REQUIRE(model.ideas.size() == 2);
        CHECK(storage::toString(model.ideas[1].status) == "merged");
        CHECK(model.ideas[1].mergedIntoNumber == target.number);
    }

    TEST_CASE("an action changes the store and says what it did") {
        app_fixtures::ConferenceStore c;
        const auto idea = c.add("Sprachcafé");
        SUBCASE("hide") {
            const auto result = apply(c, action(Kind::Hide, idea.id, "Test"));
            CHECK(result.ok);
            CHECK_FALSE(result.leaveKiosk);
            CHECK(result.message == "Done: #1: hidden");
            CHECK(storage::toString(c.store->idea(idea.id)->status) == "hidden");
        }
        SUBCASE("pin") {
            CHECK(apply(c, action(Kind::Pin, idea.id)).ok);
            CHECK(c.store->idea(idea.id)->pinned);
        }
        SUBCASE("a phase switch") {
            auto closeVoting = action(Kind::SetVoting);
            closeVoting.on = false;
            const auto result = apply(c, closeVoting);
            CHECK(result.ok);
            CHECK_FALSE(c.store->event(c.eventId)->settings.votingOpen);
            CHECK(result.message == "Done: " + catalog().text("en", "panel.voting_closed"));
        }
        SUBCASE("an edit keeps category and language") {
            auto edit = action(Kind::Edit, idea.id, "Tippfehler");
            edit.edit = fixtures::idea("Sprachcafé im Glashaus", "sprache");
            CHECK(apply(c, edit).ok);
            const auto after = c.store->idea(idea.id);
            CHECK(after->title == "Sprachcafé im Glashaus");
            CHECK(after->category == "begegnung");
        }
        SUBCASE("leaving kiosk mode is logged and asks the window to close") {
            const auto before = c.store->moderationLog(c.eventId).size();
            const auto result = apply(c, action(Kind::LeaveKiosk, {}, "Abbau"));
            CHECK(result.ok);
            CHECK(result.leaveKiosk);
            CHECK(c.store->moderationLog(c.eventId).size() == before + 1);
        }
    }

    TEST_CASE("a refused action changes nothing and says why") {
        app_fixtures::ConferenceStore c;
        SUBCASE("an idea that does not exist") {
            const auto result = apply(c, action(Kind::Hide, "no-such-idea", "Test"));
            CHECK_FALSE(result.ok);
            CHECK(result.message == "Not possible: This idea does not exist (any more).");
        }
        SUBCASE("the reason comes from the translation files, not the model's English") {
            for (const std::string language : {"de", "uk", "pl"}) {
                const auto result = app::applyPanelAction(*c.store, c.eventId, "panel:test", action(Kind::Hide, "no-such-idea", "Test"),
                                                          catalog(), language);
                CAPTURE(language);
                CHECK_FALSE(result.ok);
                CHECK(result.message == catalog().format(language, "panel.failed",
                                                         {{"why", catalog().text(language, "panel.errors.unknown_idea")}}));
                CHECK(result.message.find("no idea with id") == std::string::npos);
            }
        }
        SUBCASE("an export into a folder that is not there") {
            const auto result = apply(c, action(Kind::Export, "/nonexistent-folder"));
            CHECK_FALSE(result.ok);
            CHECK(result.message.find("/nonexistent-folder") != std::string::npos);
        }
    }

    TEST_CASE("an export from the panel names the new folder") {
        fixtures::TempFile file("panel-export.db");
        app_fixtures::ConferenceStore c(file.path);
        const auto folder = app_fixtures::freshFolder("panel-export");
        const auto result = apply(c, action(Kind::Export, folder.string()));
        CHECK(result.ok);
        CHECK(result.message.find(folder.string() + "/ideenkiosk-") != std::string::npos);
        // Not a stick (a folder outside /media): nothing about pulling it out.
        CHECK(result.message.find("pulled") == std::string::npos);
        std::filesystem::remove_all(folder);
    }

    TEST_CASE("sticks are where udisks and the package's udev rule mount them") {
        CHECK(app::onRemovableMedia("/media/ideenkiosk/sdb1"));
        CHECK(app::onRemovableMedia("/run/media/anna/STICK"));
        CHECK_FALSE(app::onRemovableMedia("/var/lib/ideenkiosk"));
        CHECK_FALSE(app::onRemovableMedia("/mediathek"));
        // The message on a stick says it may be pulled, in every language with the same numbers as the other.
        const std::map<std::string, std::string> values{{"files", "11"}, {"size", "840 KB"}, {"folder", "/media/x"}};
        CHECK(catalog().format("en", "panel.exported_stick", values).find("the stick can be pulled out") != std::string::npos);
        CHECK(catalog().format("de", "panel.exported_stick", values).find("11 Dateien (840 KB)") != std::string::npos);
    }
}
