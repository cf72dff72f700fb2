/// Decides when changed files have settled (docs/policy-api.md "Hot reload": debounced), as a pure
/// state machine fed with fingerprints and instants: an editor's save, a `git pull` touching many
/// files, a formatter running after the save — one reload, once nothing moved for `quiet`.
struct ChangeDebounce<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    let quiet: Duration
    /// A state different from the one last read, and since when it has not changed.
    private var pending: (fingerprint: FileFingerprint, since: Instant)?

    init(quiet: Duration) { self.quiet = quiet }

    /// Feeds one observation; true when the files differ from `read` (the state the last load
    /// read) and have stayed unchanged for `quiet`, so a reload should run now.
    mutating func observe(_ fingerprint: FileFingerprint, read: FileFingerprint, at now: Instant) -> Bool {
        guard fingerprint != read else {
            pending = nil
            return false
        }
        guard let pending, pending.fingerprint == fingerprint else {
            self.pending = (fingerprint, now)
            return false
        }
        guard pending.since.duration(to: now) >= quiet else { return false }
        self.pending = nil
        return true
    }
}
