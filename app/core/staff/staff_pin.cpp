// Staff PIN hashing and lockout. See staff_pin.h.
#include "staff/staff_pin.h"
#include "base/user_dirs.h"

#include <sodium.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace ck {

static bool SodiumReady()
{
    static const bool ready = sodium_init() >= 0;   // thread-safe, idempotent
    return ready;
}

bool IsValidStaffPin(const std::string& pin)
{
    if (pin.size() < size_t(kStaffPinMinDigits) || pin.size() > size_t(kStaffPinMaxDigits))
        return false;
    for (char c : pin)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string HashStaffPin(const std::string& pin)
{
    if (!SodiumReady())
        return std::string();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), kStaffPinOpsLimit, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::string();
    return out;
}

bool VerifyStaffPin(const std::string& pin, const std::string& hash)
{
    // crypto_pwhash_str_verify wants a NUL-terminated string that fits its buffer.
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES || !SodiumReady())
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

int PinLockout::SecondsLeft(double now) const
{
    return Locked(now) ? int(std::ceil(locked_until_ - now)) : 0;
}

void PinLockout::Record(bool correct, double now)
{
    if (correct) {
        wrong_ = 0;
        locks_ = 0;
        return;
    }
    if (++wrong_ >= kMaxAttempts) {
        constexpr int kSteps = int(sizeof(kLockSeconds) / sizeof(kLockSeconds[0]));
        locked_until_ = now + kLockSeconds[std::min(locks_, kSteps - 1)];
        locks_++;
        wrong_ = 0;
    }
}

std::string StaffPinPath()
{
    const std::string base = UserBaseDir("XDG_STATE_HOME", ".local/state");
    return base.empty() ? std::string() : base + "/carekiosk/staff-pin";
}

std::string ReadStaffPinFile(const std::string& path)
{
    if (path.empty())
        return std::string();
    std::ifstream in(path, std::ios::binary);
    std::string hash;
    std::getline(in, hash);
    while (!hash.empty() && (hash.back() == '\r' || hash.back() == ' '))
        hash.pop_back();
    return hash.rfind("$argon2", 0) == 0 ? hash : std::string();
}

bool WriteStaffPinFile(const std::string& path, const std::string& hash, std::string* error)
{
    if (path.empty()) {
        *error = "no state folder: set XDG_STATE_HOME or HOME";
        return false;
    }
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::filesystem::create_directories(folder, ec);
    chmod(folder.c_str(), 0700);
    if (hash.empty()) {
        if (unlink(path.c_str()) != 0 && errno != ENOENT) {
            *error = path + ": " + std::strerror(errno);
            return false;
        }
        return true;
    }
    const std::string temp = path + ".tmp";
    const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        *error = temp + ": " + std::strerror(errno);
        return false;
    }
    const std::string line = hash + "\n";
    const bool written = write(fd, line.data(), line.size()) == ssize_t(line.size()) && fsync(fd) == 0;
    close(fd);
    if (!written || rename(temp.c_str(), path.c_str()) != 0) {
        *error = path + ": " + std::strerror(errno);
        unlink(temp.c_str());
        return false;
    }
    return true;
}

PinResult TryStaffPin(const std::string& pin, const std::string& hash, PinLockout* lockout, double now)
{
    if (hash.empty())
        return PinResult::NoPinSet;
    if (lockout->Locked(now))
        return PinResult::Locked;
    const bool correct = VerifyStaffPin(pin, hash);
    lockout->Record(correct, now);
    return correct ? PinResult::Accepted : PinResult::Wrong;
}

} // namespace ck
