import BusbarServer

/// The version text for `--version`.
enum BusbarVersion {
    static var text: String { BuildInfo.version }
}
