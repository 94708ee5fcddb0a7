package io.github.cwlappender.testsupport.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CloudWatch Logs operations the fake speaks: decodes each request's JSON strictly, applies the rules through
 * {@link LogStore} and {@link PutLogEventsRules}, and builds the response JSON. Knows nothing about HTTP.
 */
final class LogsOperations
{
    static final String CREATE_LOG_GROUP = "CreateLogGroup";
    static final String DELETE_LOG_GROUP = "DeleteLogGroup";
    static final String CREATE_LOG_STREAM = "CreateLogStream";
    static final String DELETE_LOG_STREAM = "DeleteLogStream";
    static final String PUT_RETENTION_POLICY = "PutRetentionPolicy";
    static final String PUT_LOG_EVENTS = "PutLogEvents";
    static final String GET_LOG_EVENTS = "GetLogEvents";
    static final String DESCRIBE_LOG_STREAMS = "DescribeLogStreams";
    static final Set<String> ALL = Set.of(CREATE_LOG_GROUP, DELETE_LOG_GROUP, CREATE_LOG_STREAM, DELETE_LOG_STREAM,
            PUT_RETENTION_POLICY, PUT_LOG_EVENTS, GET_LOG_EVENTS, DESCRIBE_LOG_STREAMS);

    private static final int MAX_GET_EVENTS = 10_000;
    private static final long MAX_GET_BYTES = 1_048_576;
    private static final int MAX_DESCRIBE_STREAMS = 50;
    private static final Set<String> ENTITY_KEY_ATTRIBUTES = Set.of("Type", "ResourceType", "Identifier", "Name",
            "Environment");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final LogStore store;
    private final Supplier<Clock> clock;
    private final AtomicLong invalidUtf16Messages = new AtomicLong();

    LogsOperations(LogStore store, Supplier<Clock> clock)
    {
        this.store = store;
        this.clock = clock;
    }

    long invalidUtf16Messages()
    {
        return invalidUtf16Messages.get();
    }

    /**
     * Runs one operation.
     *
     * @param responseLost marks stored events as belonging to a request whose response will be dropped
     * @throws ServiceError what the service would answer instead of a result
     */
    ObjectNode execute(String operation, JsonNode request, boolean responseLost)
    {
        switch (operation)
        {
            case CREATE_LOG_GROUP:
                return createLogGroup(request);
            case DELETE_LOG_GROUP:
                store.deleteGroup(groupName(request));
                return JSON.objectNode();
            case CREATE_LOG_STREAM:
                return createLogStream(request);
            case DELETE_LOG_STREAM:
                store.deleteStream(groupName(request), streamName(request));
                return JSON.objectNode();
            case PUT_RETENTION_POLICY:
                return putRetentionPolicy(request);
            case PUT_LOG_EVENTS:
                return putLogEvents(request, responseLost);
            case GET_LOG_EVENTS:
                return getLogEvents(request);
            case DESCRIBE_LOG_STREAMS:
                return describeLogStreams(request);
            default:
                throw ServiceError.clientError(ServiceError.UNKNOWN_OPERATION, "Operation " + operation
                        + " is not supported by the strict fake; it implements " + ALL);
        }
    }

    private volatile boolean taggingDenied;
    private volatile String poisonMarker;

    /** Whether CreateLogGroup with tags is refused, as for a caller without logs:TagResource. */
    void denyTagging(boolean denied)
    {
        this.taggingDenied = denied;
    }

    /** PutLogEvents requests with an event whose message contains {@code marker} are refused as a whole. */
    void refuseEventsContaining(String marker)
    {
        this.poisonMarker = marker;
    }

    private ObjectNode createLogGroup(JsonNode request)
    {
        String group = groupName(request);
        String groupClass = text(request, "logGroupClass", false);
        NameRules.checkLogGroupClass(groupClass);
        String kmsKeyId = text(request, "kmsKeyId", false);
        Map<String, String> tags = stringMap(request, "tags");
        NameRules.checkTags(tags);
        if (taggingDenied && !tags.isEmpty())
        {
            throw ServiceError.clientError("AccessDeniedException", "User is not authorized to perform:"
                    + " logs:TagResource on resource: arn:aws:logs:us-east-1:123456789012:log-group:" + group
                    + " because no identity-based policy allows the logs:TagResource action");
        }
        store.createGroup(group, now(), new LogGroupSettings(tags, kmsKeyId, groupClass));
        return JSON.objectNode();
    }

    private ObjectNode createLogStream(JsonNode request)
    {
        String group = groupName(request);
        String stream = streamName(request);
        store.createStream(group, stream, now());
        return JSON.objectNode();
    }

    private ObjectNode putRetentionPolicy(JsonNode request)
    {
        String group = groupName(request);
        Long days = integer(request, "retentionInDays", true);
        NameRules.checkRetentionDays(days > Integer.MAX_VALUE || days < Integer.MIN_VALUE ? null : days.intValue());
        store.putRetention(group, days.intValue());
        return JSON.objectNode();
    }

    private ObjectNode putLogEvents(JsonNode request, boolean responseLost)
    {
        String group = groupName(request);
        String stream = streamName(request);
        // Ignored by the service since 2023; still allowed in a request.
        text(request, "sequenceToken", false);
        List<IncomingEvent> events = logEvents(request);
        String marker = poisonMarker;
        if (marker != null && events.stream().anyMatch(e -> e.message.contains(marker)))
        {
            throw ServiceError.invalidParameter("Log event is not valid (its message contains " + marker + ")");
        }
        String entityError = entityError(request.get("entity"));
        PutLogEventsRules.Verdict verdict = store.put(group, stream, events, now(), responseLost);
        ObjectNode response = JSON.objectNode();
        if (verdict.anyRejected())
        {
            ObjectNode info = response.putObject("rejectedLogEventsInfo");
            if (verdict.tooOldEnd > 0)
            {
                info.put("tooOldLogEventEndIndex", verdict.tooOldEnd);
            }
            if (verdict.expiredEnd > 0)
            {
                info.put("expiredLogEventEndIndex", verdict.expiredEnd);
            }
            if (verdict.tooNewStart < verdict.size)
            {
                info.put("tooNewLogEventStartIndex", verdict.tooNewStart);
            }
        }
        if (entityError != null)
        {
            response.putObject("rejectedEntityInfo").put("errorType", entityError);
        }
        return response;
    }

    private List<IncomingEvent> logEvents(JsonNode request)
    {
        JsonNode array = request.get("logEvents");
        if (array == null || array.isNull())
        {
            throw mustNotBeNull("logEvents");
        }
        if (!array.isArray())
        {
            throw serialization("logEvents must be a list");
        }
        List<IncomingEvent> events = new ArrayList<>(array.size());
        for (JsonNode element : array)
        {
            if (!element.isObject())
            {
                throw serialization("each element of logEvents must be an InputLogEvent structure");
            }
            Long timestamp = integer(element, "timestamp", true);
            String message = text(element, "message", true);
            if (Utf8Bytes.hasLoneSurrogate(message))
            {
                invalidUtf16Messages.incrementAndGet();
            }
            events.add(new IncomingEvent(timestamp, message));
        }
        return events;
    }

    // A rejected entity leaves the events alone; the service says why in rejectedEntityInfo.
    private static String entityError(JsonNode entity)
    {
        if (entity == null || entity.isNull())
        {
            return null;
        }
        if (!entity.isObject())
        {
            throw serialization("entity must be an Entity structure");
        }
        Map<String, String> keys = stringMap(entity, "keyAttributes");
        Map<String, String> attributes = stringMap(entity, "attributes");
        if (keys.size() < 2 || keys.size() > 4 || !ENTITY_KEY_ATTRIBUTES.containsAll(keys.keySet()))
        {
            return "InvalidKeyAttributes";
        }
        if (attributes.size() > 10)
        {
            return "InvalidAttributes";
        }
        return null;
    }

    private ObjectNode getLogEvents(JsonNode request)
    {
        String group = groupName(request);
        String stream = streamName(request);
        Long startTime = integer(request, "startTime", false);
        Long endTime = integer(request, "endTime", false);
        Long limitValue = integer(request, "limit", false);
        String token = text(request, "nextToken", false);
        boolean fromHead = bool(request, "startFromHead");
        int limit = limitValue == null ? MAX_GET_EVENTS : (int) Math.min(Integer.MAX_VALUE, limitValue);
        if (limitValue != null && (limitValue < 1 || limitValue > MAX_GET_EVENTS))
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + limitValue + "' at 'limit'"
                    + " failed to satisfy constraint: Member must have value between 1 and " + MAX_GET_EVENTS);
        }
        List<StoredEvent> all = store.streamEvents(group, stream);
        List<StoredEvent> events = new ArrayList<>(all.size());
        for (StoredEvent e : all)
        {
            // startTime is inclusive, endTime exclusive.
            if ((startTime == null || e.timestamp() >= startTime) && (endTime == null || e.timestamp() < endTime))
            {
                events.add(e);
            }
        }
        int from;
        int to;
        if (token == null ? fromHead : token.startsWith("f/"))
        {
            from = token == null ? 0 : tokenIndex(token, events.size());
            to = from;
            long bytes = 0;
            while (to < events.size() && to - from < limit && (to == from || bytes + size(events.get(to))
                    <= MAX_GET_BYTES))
            {
                bytes += size(events.get(to++));
            }
        }
        else
        {
            to = token == null ? events.size() : tokenIndex(token, events.size());
            from = to;
            long bytes = 0;
            while (from > 0 && to - from < limit && (to == from || bytes + size(events.get(from - 1))
                    <= MAX_GET_BYTES))
            {
                bytes += size(events.get(--from));
            }
        }
        ObjectNode response = JSON.objectNode();
        ArrayNode page = response.putArray("events");
        for (StoredEvent e : events.subList(from, to))
        {
            page.addObject().put("timestamp", e.timestamp()).put("message", e.message())
                    .put("ingestionTime", e.ingestionTime());
        }
        response.put("nextForwardToken", token('f', to));
        response.put("nextBackwardToken", token('b', from));
        return response;
    }

    private static long size(StoredEvent e)
    {
        return Utf8Bytes.length(e.message()) + PutLogEventsRules.EVENT_OVERHEAD_BYTES;
    }

    private static String token(char direction, int index)
    {
        return direction + "/" + String.format("%056d", index);
    }

    private static int tokenIndex(String token, int size)
    {
        try
        {
            if (token.length() > 2 && (token.startsWith("f/") || token.startsWith("b/")))
            {
                long index = Long.parseLong(token.substring(2));
                if (index >= 0 && index <= size)
                {
                    return (int) index;
                }
            }
        }
        catch (NumberFormatException e)
        {
            // reported below
        }
        throw ServiceError.invalidParameter("The specified nextToken is invalid.");
    }

    private ObjectNode describeLogStreams(JsonNode request)
    {
        String group = groupName(request);
        String prefix = text(request, "logStreamNamePrefix", false);
        String orderBy = text(request, "orderBy", false);
        boolean descending = bool(request, "descending");
        String token = text(request, "nextToken", false);
        Long limitValue = integer(request, "limit", false);
        if (limitValue != null && (limitValue < 1 || limitValue > MAX_DESCRIBE_STREAMS))
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + limitValue + "' at 'limit'"
                    + " failed to satisfy constraint: Member must have value between 1 and " + MAX_DESCRIBE_STREAMS);
        }
        if (orderBy != null && !orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime"))
        {
            throw ServiceError.invalidParameter("1 validation error detected: Value '" + orderBy + "' at 'orderBy'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName,"
                    + " LastEventTime]");
        }
        boolean byEventTime = "LastEventTime".equals(orderBy);
        if (byEventTime && prefix != null)
        {
            throw ServiceError.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        List<LogStore.StreamInfo> streams = new ArrayList<>();
        for (LogStore.StreamInfo s : store.streams(group))
        {
            if (prefix == null || s.name.startsWith(prefix))
            {
                streams.add(s);
            }
        }
        Comparator<LogStore.StreamInfo> order = byEventTime
                ? Comparator.comparing((LogStore.StreamInfo s) -> s.lastEventTimestamp == null ? Long.MIN_VALUE
                        : s.lastEventTimestamp)
                : Comparator.comparing((LogStore.StreamInfo s) -> s.name);
        streams.sort(descending ? order.reversed() : order);
        int limit = limitValue == null ? MAX_DESCRIBE_STREAMS : limitValue.intValue();
        int from = token == null ? 0 : tokenIndex("f/" + token, streams.size());
        int to = Math.min(streams.size(), from + limit);
        ObjectNode response = JSON.objectNode();
        ArrayNode list = response.putArray("logStreams");
        for (LogStore.StreamInfo s : streams.subList(from, to))
        {
            ObjectNode node = list.addObject();
            node.put("logStreamName", s.name).put("creationTime", s.creationTime)
                    .put("arn", "arn:aws:logs:" + StrictCloudWatchLogsServer.REGION + ":000000000000:log-group:"
                            + group + ":log-stream:" + s.name)
                    .put("storedBytes", s.storedBytes);
            putIfPresent(node, "firstEventTimestamp", s.firstEventTimestamp);
            putIfPresent(node, "lastEventTimestamp", s.lastEventTimestamp);
            putIfPresent(node, "lastIngestionTime", s.lastIngestionTime);
        }
        if (to < streams.size())
        {
            response.put("nextToken", String.valueOf(to));
        }
        return response;
    }

    private static void putIfPresent(ObjectNode node, String field, Long value)
    {
        if (value != null)
        {
            node.put(field, value);
        }
    }

    private long now()
    {
        return clock.get().millis();
    }

    // Newer SDKs may name the group by identifier (name or ARN) instead of logGroupName.
    private static String groupName(JsonNode request)
    {
        String name = text(request, "logGroupName", false);
        if (name == null)
        {
            String identifier = text(request, "logGroupIdentifier", false);
            if (identifier == null)
            {
                throw mustNotBeNull("logGroupName");
            }
            int at = identifier.indexOf(":log-group:");
            name = at < 0 ? identifier : identifier.substring(at + ":log-group:".length()).replaceAll(":\\*$", "");
        }
        NameRules.checkLogGroupName(name);
        return name;
    }

    private static String streamName(JsonNode request)
    {
        String name = text(request, "logStreamName", true);
        NameRules.checkLogStreamName(name);
        return name;
    }

    private static String text(JsonNode node, String field, boolean required)
    {
        JsonNode value = node.get(field);
        if (value == null || value.isNull())
        {
            if (required)
            {
                throw mustNotBeNull(field);
            }
            return null;
        }
        if (!value.isTextual())
        {
            throw serialization(field + " must be a string");
        }
        return value.textValue();
    }

    private static Long integer(JsonNode node, String field, boolean required)
    {
        JsonNode value = node.get(field);
        if (value == null || value.isNull())
        {
            if (required)
            {
                throw mustNotBeNull(field);
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong())
        {
            throw serialization(field + " must be an integer");
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || value.isNull())
        {
            return false;
        }
        if (!value.isBoolean())
        {
            throw serialization(field + " must be a boolean");
        }
        return value.booleanValue();
    }

    private static Map<String, String> stringMap(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull())
        {
            return map;
        }
        if (!value.isObject())
        {
            throw serialization(field + " must be a map");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext())
        {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isTextual())
            {
                throw serialization(field + " values must be strings");
            }
            map.put(e.getKey(), e.getValue().textValue());
        }
        return map;
    }

    private static ServiceError mustNotBeNull(String field)
    {
        return ServiceError.invalidParameter("1 validation error detected: Value null at '" + field + "' failed to"
                + " satisfy constraint: Member must not be null");
    }

    private static ServiceError serialization(String message)
    {
        return ServiceError.clientError(ServiceError.SERIALIZATION, message);
    }
}
