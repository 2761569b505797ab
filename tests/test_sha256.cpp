// SHA-256 against the FIPS 180-2 appendix vectors, plus streaming in uneven pieces.
#include <doctest/doctest.h>

#include <string>

#include "core/base/sha256.hpp"

using namespace radar;

TEST_CASE("SHA-256 matches the FIPS 180-2 test vectors") {
    struct Vector {
        std::string input;
        const char* digest;
    };
    const Vector vectors[] = {
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    };
    for (const Vector& vector : vectors) {
        CAPTURE(vector.input.size());
        CHECK(sha256_hex(vector.input) == vector.digest);
    }
}

TEST_CASE("SHA-256 gives the same digest however the input is split") {
    std::string input;
    for (int i = 0; i < 1000; ++i) input += static_cast<char>(i * 7 % 251);
    const std::string whole = sha256_hex(input);
    for (std::size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 999u}) {
        CAPTURE(piece);
        Sha256 hash;
        for (std::size_t at = 0; at < input.size(); at += piece) hash.update(std::string_view(input).substr(at, piece));
        CHECK(to_hex(hash.finish()) == whole);
    }
    // Padding boundaries: 55 bytes fit one block with the length, 56 need a second block.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}
