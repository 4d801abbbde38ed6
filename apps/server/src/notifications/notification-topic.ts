/** A request to several people that one of them answers (settled for all when it is answered). */
export type NotificationTopic = 'wish_review';
