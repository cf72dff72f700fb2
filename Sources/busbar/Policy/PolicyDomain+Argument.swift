import ArgumentParser
import DepotModel

/// `--domain priority` on the command line, completing to the four domains.
extension PolicyDomain: @retroactive ExpressibleByArgument {}
