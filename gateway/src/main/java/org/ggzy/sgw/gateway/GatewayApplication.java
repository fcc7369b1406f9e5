package org.ggzy.sgw.gateway;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The supervision data-exchange gateway. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, commandLine(args));
    }

    /**
     * The arguments, and for a one-off administrative run ({@code --sgw.admin.reset-password=...}) settings that keep
     * it from serving: a random port (a node may run on the same host) and no scanning.
     */
    static String[] commandLine(String[] args) {
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--sgw.admin.reset-password="))) {
            return args;
        }
        String[] oneOff = Arrays.copyOf(args, args.length + 2);
        oneOff[args.length] = "--server.port=0";
        oneOff[args.length + 1] = "--sgw.scanner.enabled=false";
        return oneOff;
    }
}
