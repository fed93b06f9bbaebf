// The kiosk's view model, rebuilt only when the writer's snapshot or the browse settings (order, filter, shuffle)
// changed. It reads no database: the writer thread keeps the snapshot current.
#pragma once

#include "kiosk/app/logic/store_writer.h"
#include "kiosk/core/state.h"
#include "kiosk/ui/kiosk_view.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::app {

/// Turns the writer's snapshot into the kiosk's view model; the frame loop calls it every turn (a pointer
/// comparison when nothing changed), and only reorders and filters when the attendee changed order or category.
class ModelCache {
public:
    /// True when the model changed. An unusable snapshot (the file not open) leaves the last model in place
    /// (behind the trouble screen).
    bool refresh(std::shared_ptr<const WriterSnapshot> snapshot, const core::KioskState& state);

    const ui::KioskViewModel& model() const { return m_model; }
    /// Counts the refreshes that changed the model's ideas (their list, order or counts): what is derived from
    /// them is derived again only when this moved.
    std::uint64_t ideasGeneration() const { return m_ideasGeneration; }
    /// The venue sync's connection, which the thank-you's number depends on (see KioskViewModel); true when the
    /// model changed.
    bool setNumbersProvisional(bool provisional) {
        if (m_model.numbersProvisional == provisional) return false;
        m_model.numbersProvisional = provisional;
        return true;
    }
    /// The attract screen shows the phones' QR code while a phone server serves (run --phones-on-attract).
    bool joinOnAttract = false;

private:
    std::shared_ptr<const WriterSnapshot> m_snapshot;
    core::BrowseOrder m_order = core::BrowseOrder::Random;
    std::string m_filter;
    std::uint64_t m_seed = 0;
    ui::KioskViewModel m_model;
    std::uint64_t m_ideasGeneration = 0;
};

}  // namespace kiosk::app
