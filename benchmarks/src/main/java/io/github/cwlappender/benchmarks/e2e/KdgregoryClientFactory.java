package io.github.cwlappender.benchmarks.e2e;

import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.logs.AWSLogs;
import com.amazonaws.services.logs.AWSLogsClientBuilder;
import com.amazonaws.services.logs.model.DescribeLogGroupsRequest;
import com.amazonaws.services.logs.model.DescribeLogGroupsResult;
import com.amazonaws.services.logs.model.DescribeLogStreamsRequest;
import com.amazonaws.services.logs.model.LogGroup;
import com.amazonaws.services.logs.model.ResourceNotFoundException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The client for kdgregory's appender, named in its {@code clientFactory} option. It is the client its v1 facade
 * builds for a region and an endpoint (standard builder, default client configuration), wrapped so that
 * {@code DescribeLogGroups}, which kdgregory calls once at start to see whether the group exists and the strict
 * endpoint does not implement, is answered from a {@code DescribeLogStreams} on that group (an HTTP call too).
 * Every other call, {@code PutLogEvents} included, goes to the endpoint unchanged.
 */
public final class KdgregoryClientFactory
{
    private KdgregoryClientFactory()
    {
    }

    /** Called by kdgregory's appender, by reflection, with its assumedRole, clientRegion and clientEndpoint. */
    public static AWSLogs create(String assumedRole, String region, String endpoint)
    {
        AWSLogs client = AWSLogsClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint, region))
                .build();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("describeLogGroups") && args != null && args.length == 1)
            {
                return describeLogGroups(client, (DescribeLogGroupsRequest) args[0]);
            }
            return invoke(client, method, args);
        };
        return (AWSLogs) Proxy.newProxyInstance(AWSLogs.class.getClassLoader(), new Class<?>[] {AWSLogs.class},
                handler);
    }

    private static DescribeLogGroupsResult describeLogGroups(AWSLogs client, DescribeLogGroupsRequest request)
    {
        String name = request.getLogGroupNamePrefix();
        DescribeLogGroupsResult result = new DescribeLogGroupsResult();
        try
        {
            client.describeLogStreams(new DescribeLogStreamsRequest().withLogGroupName(name).withLimit(1));
            result.withLogGroups(new LogGroup().withLogGroupName(name)
                    .withArn("arn:aws:logs:us-east-1:000000000000:log-group:" + name + ":*"));
        }
        catch (ResourceNotFoundException missing)
        {
            // No such group: an empty answer, as the service gives.
        }
        return result;
    }

    private static Object invoke(AWSLogs client, Method method, Object[] args) throws Throwable
    {
        try
        {
            return method.invoke(client, args);
        }
        catch (InvocationTargetException e)
        {
            throw e.getCause();
        }
    }
}
