package io.onair.recall.vector;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.onair.recall.route.RecallRoute;

/** Adds one {@link VectorRoute} per modality of the loaded vectors to the engine's routes. */
public final class VectorRoutesModule extends AbstractModule {
  private final VectorRecall recall;

  public VectorRoutesModule(VectorRecall recall) {
    this.recall = requireNonNull(recall, "recall is null");
  }

  @Override
  protected void configure() {
    Multibinder<RecallRoute> routes = Multibinder.newSetBinder(binder(), RecallRoute.class);
    for (String modality : recall.modalities()) {
      routes.addBinding().toInstance(new VectorRoute(modality, recall));
    }
    bind(VectorRecall.class).toInstance(recall);
  }
}
