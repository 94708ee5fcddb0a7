package io.github.cwlappender.it.adapters;

import java.util.UUID;

/** Log group names no other test uses, so that tests sharing one moto server never see each other's events. */
final class Groups
{
    private Groups()
    {
    }

    static String unique(String purpose)
    {
        return "/it/adapters/" + purpose + "-" + UUID.randomUUID();
    }
}
