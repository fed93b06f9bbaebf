// `ideenkiosk phones`: the phone server beside a kiosk on the same database, and its QR code for table cards.
#include "kiosk/app/cli/cli.h"

#include "kiosk/core/i18n.h"

#include "phones/qr.h"
#include "phones/server.h"
#include "storage/wordlist.h"

#include <spdlog/spdlog.h>

#include <csignal>
#include <fstream>
#include <iostream>
#include <pthread.h>

namespace kiosk::app {

namespace {

struct PhonesArgs {
    std::string listen;
    std::string url;
    std::string output;
    double limitScale = 1.0;
    int threads = 128;
    std::size_t perAddress = phones::ConnectionLimits{}.perAddress;
};

phones::ListenAddress parseListen(const std::string& text) {
    try {
        return phones::ListenAddress::parse(text);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--listen: ") + e.what());
    }
}

// Every limit multiplied: in load tests a hundred phones share 127.0.0.1 and each votes far faster than a person.
void scaleLimits(phones::Limits& limits, double scale) {
    for (phones::BucketRule* rule : {&limits.sessionVotes, &limits.addressVotes, &limits.sessionIdeas, &limits.addressIdeas,
                                     &limits.addressSessions, &limits.addressReads}) {
        rule->burst *= scale;
        rule->perSecond *= scale;
    }
}

void writeQr(const std::string& url, const std::string& output) {
    const auto dot = output.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : output.substr(dot);
    if (ext == ".png") {
        phones::writeQrPng(url, output);
    } else if (ext == ".svg") {
        std::ofstream file(output, std::ios::binary);
        file << phones::qrSvg(url);
        file.close();
        if (!file) throw std::runtime_error("cannot write " + output);
    } else {
        throw UsageError("-o must name a .svg or .png file, not '" + output + "'");
    }
    std::cout << output << ": " << url << "\n";
}

}  // namespace

phones::ServerOptions phoneServerOptions(const CliContext& context, const std::string& listen, double limitScale,
                                         std::size_t perAddress) {
    phones::ServerOptions options;
    options.dbPath = context.dbPath;
    options.listen = parseListen(listen);
    scaleLimits(options.limits, limitScale);
    options.connections.perAddress = perAddress;
    options.log = [](const std::string& line) { spdlog::warn("{}", line); };
    // The page's texts live with the kiosk's, in the [phone] table of each assets/i18n file.
    const core::Catalog catalog = core::Catalog::load(context.assetDir + "/i18n");
    for (const std::string& language : catalog.languages()) {
        for (const std::string& key : catalog.keys(language)) {
            if (key.rfind("phone.", 0) == 0) options.texts[language][key.substr(6)] = catalog.text(language, key);
        }
    }
    return options;
}

void addPerAddressOption(CLI::App& command, const std::string& name, std::size_t& perAddress) {
    command
        .add_option(name, perAddress,
                    "Connections one phone address may hold at once (0: no cap); raise it when more phones than "
                    "this share one NAT address")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
}

void addPhonesCommands(CLI::App& app, CliContext& context) {
    auto* cmd = app.add_subcommand("phones", "Let phones on the venue's network take part (web page and QR code)");
    auto args = std::make_shared<PhonesArgs>();
    cmd->add_option("--listen", args->listen, "ADDRESS:PORT to serve on, e.g. 192.168.1.10:8080 (only that address)");
    cmd->add_option("--threads", args->threads, "HTTP threads (one per open phone connection)")
        ->check(CLI::Range(8, 1024))
        ->capture_default_str();
    addPerAddressOption(*cmd, "--per-address", args->perAddress);
    cmd->add_option("--rate-limit-scale", args->limitScale,
                    "Multiply every rate limit (load tests: many phones behind one address, thousands of votes a second)")
        ->check(CLI::Range(0.1, 10000.0))
        ->capture_default_str();
    auto* qr = cmd->add_subcommand("qr", "Write the join QR code for table cards");
    qr->add_option("-o,--output", args->output, "FILE.svg or FILE.png")->required();
    qr->add_option("--url", args->url, "The address phones open (default: from --listen)");
    qr->callback([args] {
        std::string url = args->url;
        if (url.empty() && !args->listen.empty()) url = parseListen(args->listen).url();
        if (url.empty()) throw UsageError("phones qr needs --url URL or phones --listen ADDRESS:PORT");
        writeQr(url, args->output);
    });
    cmd->callback([&context, args, cmd] {
        if (cmd->got_subcommand("qr")) return;
        if (args->listen.empty()) throw UsageError("phones needs --listen ADDRESS:PORT (or the qr subcommand)");
        phones::ServerOptions options = phoneServerOptions(context, args->listen, args->limitScale, args->perAddress);
        options.threads = args->threads;
        options.wordList = context.loadWordList([](const std::string& line) { spdlog::warn("{}", line); });
        context.resolveEvent(*context.openStore());  // no active event: say so now, not on every phone
        // Signals are taken by this thread alone (sigwait), so the server's threads never see them.
        sigset_t stopSignals;
        sigemptyset(&stopSignals);
        sigaddset(&stopSignals, SIGINT);
        sigaddset(&stopSignals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
        phones::PhoneServer server(std::move(options));
        server.start();
        std::cout << "phones: " << parseListen(args->listen).url() << " (Ctrl+C stops)" << std::endl;
        int received = 0;
        sigwait(&stopSignals, &received);
        spdlog::info("phones: stopping on signal {}", received);
        server.stop();
    });
}

}  // namespace kiosk::app
