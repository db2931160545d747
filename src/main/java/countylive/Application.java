package countylive;

import countylive.web.BeijingTime;
import io.micronaut.runtime.Micronaut;

public class Application {
    public static void main(String[] args) {
        BeijingTime.useAsDefault();
        Micronaut.run(Application.class, args);
    }
}
