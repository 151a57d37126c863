package io.onair.recall.route;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * Binds the standard routes (U2F, U2A, U2A2A, U2I2A, U2I2I2A, refer, popular) into the set of
 * {@link RecallRoute}s the engine runs. Another module can add routes to the same set.
 */
public final class RoutesModule extends AbstractModule {
  @Override
  protected void configure() {
    Multibinder<RecallRoute> routes = Multibinder.newSetBinder(binder(), RecallRoute.class);
    routes.addBinding().to(FollowRoute.class);
    routes.addBinding().to(WatchedAnchorRoute.class);
    routes.addBinding().to(SimilarAnchorRoute.class);
    routes.addBinding().to(ItemAnchorRoute.class);
    routes.addBinding().to(SimilarItemAnchorRoute.class);
    routes.addBinding().to(ReferRoute.class);
    routes.addBinding().to(PopularRoute.class);
  }
}
