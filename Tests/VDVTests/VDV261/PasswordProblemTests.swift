import Testing
import VDV

@Suite("VDV 261 passwords")
struct PasswordProblemTests {
    @Test(arguments: [
        ("x", VDV261.Version.v1, [VDV261.PasswordProblem]()),
        ("", .v1, [.tooShort(minimum: 1)]),
        (String(repeating: "a", count: 150), .v1, []),
        (String(repeating: "a", count: 151), .v1, [.tooLong(maximum: 150)]),
        ("pässword", .v1, [.notASCII]),
        ("Kp4!depot-2026", .v2, []),
        ("Kp4!dep", .v2, [.tooShort(minimum: 8)]),
        ("kp4!depot-2026", .v2, [.missingUppercase]),
        ("KP4!DEPOT-2026", .v2, [.missingLowercase]),
        ("Kp!!depot-abc", .v2, [.missingDigit]),
        ("Kp4depot2026", .v2, [.missingSpecial]),
        ("Kp4@depot2026", .v2, [.missingSpecial]),
        ("Kp4?depot2026", .v2, []),
        ("Kp4 (depot) 2026", .v2, []),
        ("Kp4!dépot-2026", .v2, [.notASCII]),
        ("abcdefgh", .v2, [.missingUppercase, .missingDigit, .missingSpecial]),
    ])
    func rules(password: String, version: VDV261.Version, problems: [VDV261.PasswordProblem]) {
        #expect(VDV261.PasswordProblem.check(password, for: version) == problems)
    }

    @Test func problemsReadWell() {
        #expect(VDV261.PasswordProblem.missingSpecial.description == "needs one of _-+#*!()?")
        #expect(VDV261.PasswordProblem.tooShort(minimum: 8).description == "shorter than 8 characters")
    }
}
