// The projector: the live ranking for the hall, readable from the back row, animated when ranks change.
#pragma once

#include "kiosk/core/i18n.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/join_code.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk::ui {

/// What the projector shows, prepared by the app from the store.
struct ProjectorModel {
    struct Entry {
        int number = 0;
        std::string title;
        std::string category;
        unsigned int color = 0xFF888888;
        int votes = 0;
        bool pinned = false;
    };
    std::string title;
    std::string venue;
    bool showCounts = true;
    bool awaitingReveal = false;  ///< counts wait for the moderators: the newest ideas instead of a ranking
    bool frozen = false;          ///< a moderator holds the picture; a small mark tells the moderators so
    int ideas = 0;
    int votes = 0;
    int participants = 0;
    std::vector<Entry> ranking;   ///< most votes first, stable by number (newest first while awaiting reveal)
    std::vector<Entry> newest;    ///< for the ticker
    std::vector<Entry> pinned;
    std::vector<std::pair<std::string, unsigned int>> categories;  ///< name, colour (for the rotation)
    JoinCode join;                ///< while phones can take part: their QR code and address, low in the side column
    std::vector<std::string> languages;  ///< the event's (storage::eventLanguages), turned through in this order; empty: all
};

/// Plain data plus Draw(): the animated positions live here, the data in the model.
struct ProjectorView {
    struct Motion {
        float slot = -1;   ///< animated rank position (0 = top)
        float bar = 0;     ///< animated bar length, 0..1
    };
    std::map<int, Motion> motion;  ///< by idea number
    int topCount = 8;
    /// The invitation's language and the category spotlight change this often; the loop draws a frame then.
    static constexpr double kTurnSeconds = 8.0;

    /// The languages the projector turns through: the model's (the event's) that `text` has, else all of `text`'s.
    static std::vector<std::string> turnLanguages(const ProjectorModel& model, const core::Catalog& text);
    /// The language the projector speaks at `now` (seconds): its labels, its invitation, and in Arabic its layout.
    static std::string turnLanguage(const ProjectorModel& model, const core::Catalog& text, double now);
    /// Moves the animated values toward the model by `dt` seconds; true while anything still moves.
    bool Animate(const ProjectorModel& model, float dt);
    void Draw(const ProjectorModel& model, const Fonts& fonts, const core::Catalog& text, double now);
    /// Where Draw put the join code last (not fits() when none was drawn): for tests and the automation file.
    JoinCodeLayout joinLayout;
};

}  // namespace kiosk::ui
