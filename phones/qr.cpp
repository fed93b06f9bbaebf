// QR codes with libqrcodegencpp; PNG through libpng.
#include "phones/qr.h"

#include <qrcodegen/qrcodegen.hpp>

#include <png.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace phones {

namespace {

constexpr int kQuietZone = 4;

}  // namespace

QrModules qrModules(const std::string& text) {
    const auto code = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
    QrModules modules;
    modules.size = code.getSize();
    modules.dark.reserve(static_cast<std::size_t>(modules.size * modules.size));
    for (int y = 0; y < modules.size; ++y) {
        for (int x = 0; x < modules.size; ++x) modules.dark.push_back(code.getModule(x, y));
    }
    return modules;
}

std::string qrSvg(const std::string& text) {
    const QrModules q = qrModules(text);
    const int side = q.size + 2 * kQuietZone;
    std::string path;
    for (int y = 0; y < q.size; ++y) {
        for (int x = 0; x < q.size; ++x) {
            if (q.at(x, y)) path += "M" + std::to_string(x + kQuietZone) + "," + std::to_string(y + kQuietZone) + "h1v1h-1z";
        }
    }
    const std::string box = std::to_string(side);
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + box +
           " " + box + "\" shape-rendering=\"crispEdges\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<path d=\"" +
           path + "\" fill=\"#000\"/>\n</svg>\n";
}

void writeQrPng(const std::string& text, const std::string& path, int scale) {
    const QrModules q = qrModules(text);
    const int side = (q.size + 2 * kQuietZone) * scale;
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!file) throw std::runtime_error("cannot write " + path);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, nullptr);
        throw std::runtime_error("cannot write " + path + " (libpng)");
    }
    std::vector<png_byte> row(static_cast<std::size_t>(side));
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("cannot write " + path);
    }
    png_init_io(png, file.get());
    png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 8, PNG_COLOR_TYPE_GRAY,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int py = 0; py < side; ++py) {
        const int y = py / scale - kQuietZone;
        for (int px = 0; px < side; ++px) {
            const int x = px / scale - kQuietZone;
            const bool dark = x >= 0 && y >= 0 && x < q.size && y < q.size && q.at(x, y);
            row[static_cast<std::size_t>(px)] = dark ? 0 : 255;
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    if (std::fflush(file.get()) != 0) throw std::runtime_error("cannot write " + path + " (disk full?)");
}

}  // namespace phones
