import DepotModel
import Hummingbird
import Logging

/// The REST API's route groups in one list: `BusbarApplication` registers them on each
/// listener, and the list of registered operations is what `/openapi.yaml` must describe. A new
/// route group is one line here and its paths in the document.
enum RESTAPI {
    /// Registers every route group; returns the operations registered, sorted.
    static func register(
        on router: Router<BusbarRequestContext>, environment: APIEnvironment, registry: StationRegistry, reloader: DepotReloader?,
        recorders: [DepotID: PowerRecorder], logger: Logger
    ) -> [APIOperation] {
        let api = APIRouter(router: router, logger: logger)
        OpenAPIRoute().register(on: api)
        DepotRoutes(environment: environment).register(on: api)
        ReloadRoute(reloader: reloader, environment: environment).register(on: api)
        ChargerRoutes(environment: environment).register(on: api)
        SessionRoutes(environment: environment).register(on: api)
        TimetableRoutes(environment: environment).register(on: api)
        ReservationRoutes(environment: environment).register(on: api)
        VehicleRoutes(environment: environment).register(on: api)
        EventRoutes(environment: environment).register(on: api)
        DecisionRoutes(environment: environment).register(on: api)
        PlanRoute(environment: environment).register(on: api)
        StationCallRoute(registry: registry, environment: environment).register(on: api)
        ReportRoutes(environment: environment).register(on: api)
        DepotMapRoutes(environment: environment, recorders: recorders, interval: .seconds(1)).register(on: api)
        return api.operations.sorted()
    }
}
