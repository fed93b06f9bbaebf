// The panel's gate: the held corner, the keypad, the answer of the PIN check, idle closing.
#include "kiosk/core/panel.h"

#include <doctest/doctest.h>

using namespace kiosk::core;
using Stage = PanelGate::Stage;
using Result = storage::PinAttempt::Result;

TEST_SUITE("panel") {
    TEST_CASE("a still press in the corner opens the keypad after three seconds, once") {
        PanelGate gate;
        CHECK_FALSE(holdCorner(gate, true, 10.0));
        CHECK_FALSE(holdCorner(gate, true, 12.9));
        CHECK(gate.stage == Stage::Closed);
        CHECK(holdCorner(gate, true, 13.0));
        CHECK(gate.stage == Stage::Keypad);
        CHECK_FALSE(holdCorner(gate, true, 20.0));  // still held: nothing more happens
        SUBCASE("letting go starts the count again") {
            PanelGate other;
            holdCorner(other, true, 0.0);
            holdCorner(other, false, 2.0);
            CHECK_FALSE(holdCorner(other, true, 3.5));
            CHECK_FALSE(holdCorner(other, true, 6.4));
            CHECK(holdCorner(other, true, 6.5));
        }
    }

    TEST_CASE("the keypad takes up to eight digits and hands over at least four") {
        PanelGate gate;
        gate.stage = Stage::Keypad;
        for (char d : std::string("123")) pressDigit(gate, d, 1.0);
        CHECK(takePin(gate, 1.0).empty());
        CHECK(gate.digits == "123");
        pressDigit(gate, 'x', 1.0);
        for (char d : std::string("456789")) pressDigit(gate, d, 1.0);
        CHECK(gate.digits == "12345678");
        eraseDigit(gate, 1.0);
        CHECK(takePin(gate, 2.0) == "1234567");
        CHECK(gate.digits.empty());
    }

    TEST_CASE("the answer of the check opens the panel or says why not") {
        PanelGate gate;
        gate.stage = Stage::Keypad;
        SUBCASE("accepted") {
            pinChecked(gate, {Result::Accepted, 0, 0}, 5.0);
            CHECK(gate.stage == Stage::Open);
            CHECK(gate.messageKey.empty());
        }
        SUBCASE("wrong, with tries left") {
            pinChecked(gate, {Result::Wrong, 3, 0}, 5.0);
            CHECK(gate.stage == Stage::Keypad);
            CHECK(gate.messageKey == "panel.pin_wrong");
            CHECK(gate.triesLeft == 3);
        }
        SUBCASE("the wrong try that starts a lockout says locked") {
            pinChecked(gate, {Result::Wrong, 0, 60}, 5.0);
            CHECK(gate.messageKey == "panel.pin_locked");
            CHECK(gate.lockedSeconds == 60);
        }
        SUBCASE("no PIN set") {
            pinChecked(gate, {Result::NotSet, 0, 0}, 5.0);
            CHECK(gate.stage == Stage::Keypad);
            CHECK(gate.messageKey == "panel.pin_not_set");
        }
    }

    TEST_CASE("an abandoned keypad or panel closes by itself, but use keeps it open") {
        PanelGate gate;
        gate.stage = Stage::Keypad;
        touchPanel(gate, 100.0);
        CHECK_FALSE(expireIdle(gate, 100.0 + PanelGate::kKeypadIdleSeconds - 1));
        CHECK(expireIdle(gate, 100.0 + PanelGate::kKeypadIdleSeconds));
        CHECK(gate.stage == Stage::Closed);
        gate.stage = Stage::Open;
        touchPanel(gate, 200.0);
        CHECK_FALSE(expireIdle(gate, 200.0 + PanelGate::kKeypadIdleSeconds + 1));  // the panel allows longer
        touchPanel(gate, 300.0);
        CHECK_FALSE(expireIdle(gate, 300.0 + PanelGate::kPanelIdleSeconds - 1));
        CHECK(expireIdle(gate, 300.0 + PanelGate::kPanelIdleSeconds));
        CHECK(gate.digits.empty());
    }

    TEST_CASE("rejecting, hiding and voiding need a reason, the rest do not") {
        CHECK(needsReason(PanelAction::Kind::Reject));
        CHECK(needsReason(PanelAction::Kind::Hide));
        CHECK(needsReason(PanelAction::Kind::VoidSession));
        CHECK_FALSE(needsReason(PanelAction::Kind::Approve));
        CHECK_FALSE(needsReason(PanelAction::Kind::Merge));
    }

    TEST_CASE("an idea's actions follow its status: pin or unpin only when published") {
        using Kind = PanelAction::Kind;
        PanelModel::IdeaRow idea;
        idea.status = storage::IdeaStatus::Pending;
        CHECK(ideaActions(idea) == std::vector{Kind::Approve, Kind::Reject});
        idea.status = storage::IdeaStatus::Published;
        CHECK(ideaActions(idea) == std::vector{Kind::Hide, Kind::Pin});
        idea.pinned = true;
        CHECK(ideaActions(idea) == std::vector{Kind::Hide, Kind::Unpin});
        idea.status = storage::IdeaStatus::Hidden;
        CHECK(ideaActions(idea) == std::vector{Kind::Unhide});
        idea.status = storage::IdeaStatus::Merged;
        CHECK(ideaActions(idea).empty());
    }

    TEST_CASE("the panel's fields take the model's limits, a reason a sentence") {
        CHECK(panelFieldLimit(PanelField::Title) == 120);
        CHECK(panelFieldLimit(PanelField::Description) == 1000);
        CHECK(panelFieldLimit(PanelField::Author) == 60);
        CHECK(panelFieldLimit(PanelField::Reason) == 200);
    }
    TEST_CASE("the band's sync line: nothing without a server, then connection, age and rows waiting") {
        const auto catalog = Catalog::load(std::string(IDEEN_SOURCE_DIR) + "/assets/i18n");
        SyncState sync;
        CHECK(syncLine(sync, catalog, "de").empty());
        sync.enabled = true;
        sync.waiting = 3;
        CHECK(syncLine(sync, catalog, "de") == "Server noch nicht erreicht · 3 offen");
        sync.connected = true;
        sync.secondsSinceSync = 4.7;
        sync.waiting = 0;
        CHECK(syncLine(sync, catalog, "de") == "Server verbunden · vor 4 s · 0 offen");
        SUBCASE("a dropped link keeps the last sync's age and counts what waits") {
            sync.connected = false;
            sync.secondsSinceSync = 150;
            sync.waiting = 12;
            CHECK(syncLine(sync, catalog, "de") == "Server nicht erreichbar · zuletzt vor 2 min · 12 offen");
            sync.secondsSinceSync = 3 * 3600 + 5;
            CHECK(syncLine(sync, catalog, "en") == "Server unreachable · last sync 3 h ago · 12 waiting");
        }
        SUBCASE("Turkish") {
            CHECK(syncLine(sync, catalog, "tr") == "Sunucu bağlı · 4 sn önce · 0 bekliyor");
        }
        SUBCASE("a login the server turned away says so (a wrong password), synced before or not") {
            sync.connected = false;
            sync.loginRefused = true;
            sync.waiting = 5;
            CHECK(syncLine(sync, catalog, "de") == "Server lehnt die Anmeldung ab · 5 offen");
            sync.secondsSinceSync = -1;
            CHECK(syncLine(sync, catalog, "en") == "Server refused the login · 5 waiting");
        }
    }

    TEST_CASE("the panel offers the kiosk's languages, and its own language first when the kiosk does not offer it") {
        CHECK(panelLanguages({"de", "tr", "ar"}, "tr") == std::vector<std::string>{"de", "tr", "ar"});
        CHECK(panelLanguages({"tr", "ar"}, kDefaultPanelLanguage) == std::vector<std::string>{"de", "tr", "ar"});
        CHECK(panelLanguages({"uk"}, "uk") == std::vector<std::string>{"uk"});
    }
}
