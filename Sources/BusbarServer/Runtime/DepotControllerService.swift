import DepotRuntime
import ServiceLifecycle

/// Runs a depot's control loop beside the listeners and stops it on graceful shutdown.
struct DepotControllerService: Service {
    let controller: DepotController

    func run() async throws {
        await cancelWhenGracefulShutdown { await controller.run() }
    }
}
