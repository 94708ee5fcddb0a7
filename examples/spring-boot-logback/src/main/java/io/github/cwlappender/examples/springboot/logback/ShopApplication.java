package io.github.cwlappender.examples.springboot.logback;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application whose logs go to CloudWatch Logs through the Logback appender configured in
 * {@code logback-spring.xml}. It handles one order, logging as it goes, and exits; Boot's shutdown hook then stops
 * Logback, and the appender delivers what it holds before the JVM ends.
 *
 * <p>The log group, region and endpoint come from {@code application.properties} or the command line, for example
 * {@code --app.logs.group=/my-team/shop --app.logs.region=eu-west-1}.
 */
@SpringBootApplication
public class ShopApplication
{
    public static void main(String[] args)
    {
        SpringApplication.run(ShopApplication.class, args);
    }

    @Bean
    CommandLineRunner handleOneOrder(OrderService orders)
    {
        return args -> orders.handle("o-42", "sku-7", 3);
    }
}
