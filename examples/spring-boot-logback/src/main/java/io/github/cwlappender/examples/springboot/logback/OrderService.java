package io.github.cwlappender.examples.springboot.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Logs what an order goes through: INFO, WARN, an ERROR with its exception, and text beyond ASCII. */
@Service
public class OrderService
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

    public void handle(String orderId, String sku, int items)
    {
        LOG.info("Order {} received: {} items", orderId, items);
        LOG.info("Payment authorised for {}: 19.90 EUR", orderId);
        LOG.warn("Stock for {} is low: 2 left", sku);
        try
        {
            printShippingLabel(orderId);
        }
        catch (IllegalStateException e)
        {
            LOG.error("Shipping label service failed for {}", orderId, e);
        }
        LOG.info("Ünïcödé is sent as UTF-8: 日本語, emoji 😀");
    }

    private static void printShippingLabel(String orderId)
    {
        throw new IllegalStateException("label printer offline while printing " + orderId);
    }
}
