import DepotModel

extension SettingValue {
    /// `overrides` deep-merged into this value: tables key by key, lists item by item (extra
    /// items appended); any other value is replaced.
    func merging(_ overrides: SettingValue) -> SettingValue {
        switch (self, overrides) {
        case (.table(let base), .table(let changes)):
            return .table(base.merging(changes) { old, new in old.merging(new) })
        case (.list(let base), .list(let changes)):
            let merged = zip(base, changes).map { $0.merging($1) }
            return .list(merged + base.dropFirst(changes.count) + changes.dropFirst(base.count))
        default:
            return overrides
        }
    }
}
