package io.orderflow.reconcile;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of reconcile-service. */
@SpringBootApplication
public class ReconcileServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReconcileServiceApplication.class, args);
    }
}
